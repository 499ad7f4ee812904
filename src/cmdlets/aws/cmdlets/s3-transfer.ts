// Hand-written S3 transfer cmdlets: Write-S3Object (uploads, multipart through @aws-sdk/lib-storage),
// Read-S3Object (downloads to a temporary file renamed into place) and Copy-S3Object.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { CmdletContext, CmdletDecl, ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { tag } from '../runtime/output.js';
import { awsError } from '../runtime/aws-errors.js';
import { toBlob, plain } from '../runtime/schema-values.js';
import type { ServiceClient } from '../runtime/client-factory.js';
import { commonParams, contentTypeFor, fileItem, filesUnder, joinKey, pathArg, propOf, stringMap, withService } from './hand-written-support.js';
import { loadSdk } from '../runtime/sdk-require.js';
import { enumCompletions } from '../runtime/enum-store.js';

export const cannedAclNames = ['NoACL', 'private', 'public-read', 'public-read-write', 'aws-exec-read', 'authenticated-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'];
const MB = 1024 * 1024;
/** AWS Tools switches to multipart above 16 MB; parts are at least 5 MB (the S3 minimum). */
const defaultPartSize = 16 * MB;

const bucketParam: ParameterDecl = { name: 'BucketName', type: 'string', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true };

function aclOf(p: Record<string, any>): string | undefined {
  if (p.CannedACLName && p.CannedACLName !== 'NoACL') return String(p.CannedACLName);
  if (p.PublicReadOnly) return 'public-read';
  if (p.PublicReadWrite) return 'public-read-write';
  return undefined;
}

function tagging(tagSet: unknown): string | undefined {
  const list = plain(tagSet);
  if (list === null || list === undefined) return undefined;
  const items = Array.isArray(list) ? list : [list];
  return items.map((t) => `${encodeURIComponent(String(propOf(t, 'Key')))}=${encodeURIComponent(String(propOf(t, 'Value') ?? ''))}`).join('&');
}

/** The PutObject members every upload shares. */
function putRequest(p: Record<string, any>, bucket: string, key: string, contentType: string | undefined): Record<string, any> {
  const req: Record<string, any> = { Bucket: bucket, Key: key };
  const acl = aclOf(p);
  if (acl) req.ACL = acl;
  if (contentType) req.ContentType = contentType;
  const meta = stringMap(p.Metadata);
  if (meta) req.Metadata = Object.fromEntries(Object.entries(meta).map(([k, v]) => [k.replace(/^x-amz-meta-/i, ''), v]));
  const headers = stringMap(p.HeaderCollection);
  if (headers) {
    const names: Record<string, string> = {
      'cache-control': 'CacheControl', 'content-disposition': 'ContentDisposition', 'content-encoding': 'ContentEncoding',
      'content-language': 'ContentLanguage', 'content-type': 'ContentType', expires: 'Expires',
    };
    for (const [k, v] of Object.entries(headers)) {
      const m = names[k.toLowerCase()];
      if (m) req[m] = m === 'Expires' ? new Date(v) : v;
    }
  }
  const tags = tagging(p.TagSet);
  if (tags) req.Tagging = tags;
  if (p.StorageClass) req.StorageClass = String(p.StorageClass);
  if (p.ServerSideEncryption) req.ServerSideEncryption = String(p.ServerSideEncryption);
  if (p.ServerSideEncryptionKeyManagementServiceKeyId) req.SSEKMSKeyId = String(p.ServerSideEncryptionKeyManagementServiceKeyId);
  if (p.ServerSideEncryptionCustomerMethod) req.SSECustomerAlgorithm = String(p.ServerSideEncryptionCustomerMethod);
  if (p.ServerSideEncryptionCustomerProvidedKey) req.SSECustomerKey = String(p.ServerSideEncryptionCustomerProvidedKey);
  if (p.ServerSideEncryptionCustomerProvidedKeyMD5) req.SSECustomerKeyMD5 = String(p.ServerSideEncryptionCustomerProvidedKeyMD5);
  return req;
}

/** One upload: PutObject for small bodies, multipart (lib-storage) above the part size. */
async function upload(ctx: CmdletContext, svc: ServiceClient, req: Record<string, any>, body: Uint8Array | Readable, size: number): Promise<void> {
  const p = ctx.params;
  const partSize = Math.max(5 * MB, Number(plain(p.PartSize) ?? defaultPartSize) || defaultPartSize);
  if (size <= partSize) {
    const data = body instanceof Uint8Array ? body : await readAll(body);
    await svc.client.send(new svc.module.PutObjectCommand({ ...req, Body: data }), { abortSignal: ctx.signal });
    return;
  }
  const { Upload } = await loadSdk<typeof import('@aws-sdk/lib-storage')>('@aws-sdk/lib-storage');
  const up = new Upload({
    client: svc.client as never,
    params: { ...req, Body: body } as never,
    partSize,
    queueSize: Math.max(1, Number(plain(p.ConcurrentServiceRequest) ?? 10) || 10),
    leavePartsOnError: false,
  });
  const onAbort = () => void up.abort().catch(() => undefined);
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  const showProgress = ctx.host.interactive;
  if (showProgress) {
    up.on('httpUploadProgress', (e) => {
      const pct = e.total ? Math.floor(((e.loaded ?? 0) * 100) / e.total) : 0;
      ctx.writeProgress({ activity: `Uploading ${req.Key}`, status: `${e.loaded ?? 0} of ${e.total ?? size} bytes`, percentComplete: pct });
    });
  }
  try {
    await up.done();
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    if (showProgress) ctx.writeProgress({ activity: `Uploading ${req.Key}`, completed: true });
  }
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

export const writeS3Object: CmdletDecl = {
  name: 'Write-S3Object',
  module: 'AWS.Tools.S3',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['None'],
  synopsis: 'Uploads a local file, text content, a stream or a folder to Amazon S3.',
  notes: 'This cmdlet calls the S3 operation PutObject, or InitiateMultipartUpload/UploadPart/CompleteMultipartUpload for large uploads.',
  defaultParameterSet: 'FromLocalFile',
  get parameters(): ParameterDecl[] {
    return [
      bucketParam,
      { name: 'Key', type: 'string', position: 1, valueFromPipelineByPropertyName: true, parameterSets: ['FromLocalFile', 'FromContent', 'FromStream'] },
      { name: 'File', type: 'string', aliases: ['FilePath'], parameterSets: ['FromLocalFile'], mandatory: ['FromLocalFile'], valueFromPipelineByPropertyName: true },
      { name: 'Content', type: 'string', aliases: ['Text'], parameterSets: ['FromContent'], mandatory: ['FromContent'] },
      { name: 'Stream', type: 'object', parameterSets: ['FromStream'], mandatory: ['FromStream'] },
      { name: 'Folder', type: 'string', aliases: ['Directory'], parameterSets: ['FromLocalFolder'], mandatory: ['FromLocalFolder'] },
      { name: 'KeyPrefix', type: 'string', aliases: ['Prefix'], parameterSets: ['FromLocalFolder'] },
      { name: 'Recurse', type: 'switch', parameterSets: ['FromLocalFolder'] },
      { name: 'SearchPattern', type: 'string', parameterSets: ['FromLocalFolder'] },
      { name: 'CannedACLName', type: 'string', validateSet: cannedAclNames },
      { name: 'PublicReadOnly', type: 'switch' },
      { name: 'PublicReadWrite', type: 'switch' },
      { name: 'ContentType', type: 'string' },
      { name: 'StorageClass', type: 'string', validateSet: ['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR', 'OUTPOSTS', 'SNOW', 'EXPRESS_ONEZONE'] },
      { name: 'StandardStorage', type: 'switch' },
      { name: 'ReducedRedundancyStorage', type: 'switch' },
      { name: 'ServerSideEncryption', type: 'string', validateSet: ['AES256', 'aws:kms', 'aws:kms:dsse'] },
      { name: 'ServerSideEncryptionKeyManagementServiceKeyId', type: 'string' },
      { name: 'ServerSideEncryptionCustomerMethod', type: 'string' },
      { name: 'ServerSideEncryptionCustomerProvidedKey', type: 'string' },
      { name: 'ServerSideEncryptionCustomerProvidedKeyMD5', type: 'string' },
      { name: 'Metadata', type: 'hashtable' },
      { name: 'HeaderCollection', type: 'hashtable' },
      { name: 'TagSet', type: 'object[]' },
      { name: 'PartSize', type: 'long' },
      { name: 'ConcurrentServiceRequest', type: 'int' },
      ...commonParams('S3'),
    ];
  },
  process: (ctx) => {
    const p = ctx.params;
    const bucket = String(p.BucketName);
    return withService(ctx, 'Write-S3Object', 'S3', bucket, async (svc) => {
      if (p.StandardStorage) p.StorageClass = 'STANDARD';
      if (p.ReducedRedundancyStorage) p.StorageClass = 'REDUCED_REDUNDANCY';
      if (p.Folder !== undefined) {
        const folder = ctx.resolvePath(String(p.Folder));
        if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw awsError(`The folder '${folder}' does not exist.`, 'ObjectNotFound', 'System.IO.DirectoryNotFoundException');
        const files = filesUnder(folder, !!p.Recurse, p.SearchPattern ? String(p.SearchPattern) : undefined);
        if (!(await ctx.shouldProcess(`${folder} → s3://${bucket}/${p.KeyPrefix ?? ''}`, 'Write-S3Object (PutObject)'))) return;
        for (const f of files) {
          const key = joinKey(p.KeyPrefix ? String(p.KeyPrefix) : undefined, nodePath.relative(folder, f));
          const size = fs.statSync(f).size;
          await upload(ctx, svc, putRequest(p, bucket, key, p.ContentType ?? contentTypeFor(f)), size > defaultPartSize ? fs.createReadStream(f) : fs.readFileSync(f), size);
        }
        return;
      }
      if (p.Content !== undefined) {
        const key = p.Key ? String(p.Key) : undefined;
        if (!key) throw awsError('The -Key parameter is required when uploading content.', 'InvalidArgument', 'System.ArgumentException');
        const body = Buffer.from(String(plain(p.Content) ?? ''), 'utf8');
        if (!(await ctx.shouldProcess(`s3://${bucket}/${key}`, 'Write-S3Object (PutObject)'))) return;
        await upload(ctx, svc, putRequest(p, bucket, key, p.ContentType ?? 'text/plain'), body, body.length);
        return;
      }
      if (p.Stream !== undefined) {
        const key = p.Key ? String(p.Key) : undefined;
        if (!key) throw awsError('The -Key parameter is required when uploading a stream.', 'InvalidArgument', 'System.ArgumentException');
        const s = plain(p.Stream) as unknown;
        const body: Uint8Array | Readable = s && typeof (s as Readable).pipe === 'function' ? (s as Readable) : toBlob(s);
        if (!(await ctx.shouldProcess(`s3://${bucket}/${key}`, 'Write-S3Object (PutObject)'))) return;
        const size = body instanceof Uint8Array ? body.length : Number.MAX_SAFE_INTEGER;
        await upload(ctx, svc, putRequest(p, bucket, key, p.ContentType ?? 'application/octet-stream'), body, size);
        return;
      }
      const fileArg = pathArg(p.File);
      if (!fileArg) throw awsError('One of -File, -Content, -Stream or -Folder must be given.', 'InvalidArgument', 'System.ArgumentException');
      const file = ctx.resolvePath(fileArg);
      if (!fs.existsSync(file)) throw awsError(`The file '${file}' does not exist.`, 'ObjectNotFound', 'System.IO.FileNotFoundException');
      const key = p.Key ? String(p.Key) : nodePath.basename(file);
      if (!(await ctx.shouldProcess(`${file} → s3://${bucket}/${key}`, 'Write-S3Object (PutObject)'))) return;
      const size = fs.statSync(file).size;
      const partSize = Math.max(5 * MB, Number(plain(p.PartSize) ?? defaultPartSize) || defaultPartSize);
      await upload(ctx, svc, putRequest(p, bucket, key, p.ContentType ?? contentTypeFor(file)), size > partSize ? fs.createReadStream(file) : fs.readFileSync(file), size);
    });
  },
};

/**
 * Streams an object to `target` through a temporary file in the same folder, renamed into place only when the
 * download completed: a failed or cancelled download never leaves a truncated file.
 */
export async function downloadObject(ctx: CmdletContext, svc: ServiceClient, req: Record<string, any>, target: string): Promise<void> {
  fs.mkdirSync(nodePath.dirname(target), { recursive: true });
  const temp = nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.${randomBytes(6).toString('hex')}.awsh-download`);
  try {
    const res = await svc.client.send(new svc.module.GetObjectCommand(req), { abortSignal: ctx.signal });
    await pipeline(res.Body as Readable, fs.createWriteStream(temp), { signal: ctx.signal });
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

export const readS3Object: CmdletDecl = {
  name: 'Read-S3Object',
  module: 'AWS.Tools.S3',
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  synopsis: 'Downloads one or more objects from an S3 bucket to the local file system.',
  notes: 'This cmdlet calls the S3 operation GetObject (and ListObjects for -KeyPrefix).',
  defaultParameterSet: 'DownloadFile',
  get parameters(): ParameterDecl[] {
    return [
      { ...bucketParam, mandatory: ['DownloadFile', 'DownloadFolder'], parameterSets: ['DownloadFile', 'DownloadFolder'] },
      { name: 'Key', type: 'string', position: 1, aliases: ['ObjectKey'], parameterSets: ['DownloadFile'], mandatory: ['DownloadFile'], valueFromPipelineByPropertyName: true },
      { name: 'File', type: 'string', parameterSets: ['DownloadFile', 'FromS3Object'], mandatory: ['DownloadFile'] },
      { name: 'Version', type: 'string', aliases: ['VersionId'], parameterSets: ['DownloadFile'] },
      { name: 'KeyPrefix', type: 'string', aliases: ['Prefix'], parameterSets: ['DownloadFolder'], mandatory: ['DownloadFolder'] },
      { name: 'Folder', type: 'string', aliases: ['Directory'], parameterSets: ['DownloadFolder', 'FromS3Object'], mandatory: ['DownloadFolder'] },
      { name: 'S3Object', type: 'object', parameterSets: ['FromS3Object'], mandatory: ['FromS3Object'], valueFromPipeline: true },
      { name: 'ModifiedSinceDate', type: 'datetime' },
      { name: 'UnmodifiedSinceDate', type: 'datetime' },
      ...commonParams('S3'),
    ];
  },
  process: (ctx) => {
    const p = ctx.params;
    const fromObject = p.S3Object !== undefined && p.S3Object !== null;
    const bucket = String(fromObject ? propOf(p.S3Object, 'BucketName') : p.BucketName);
    return withService(ctx, 'Read-S3Object', 'S3', bucket, async (svc) => {
      const extra: Record<string, any> = {};
      if (p.ModifiedSinceDate) extra.IfModifiedSince = p.ModifiedSinceDate;
      if (p.UnmodifiedSinceDate) extra.IfUnmodifiedSince = p.UnmodifiedSinceDate;
      if (p.KeyPrefix !== undefined && !fromObject) {
        const prefix = String(p.KeyPrefix);
        const folder = ctx.resolvePath(String(p.Folder));
        let token: string | undefined;
        do {
          const page = await svc.client.send(new svc.module.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }), { abortSignal: ctx.signal });
          for (const o of page.Contents ?? []) {
            if (!o.Key || o.Key.endsWith('/')) continue;
            const rel = o.Key.slice(prefix.length).replace(/^\/+/, '');
            await downloadObject(ctx, svc, { Bucket: bucket, Key: o.Key, ...extra }, nodePath.join(folder, ...rel.split('/')));
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        await ctx.write(await fileItem(folder));
        return;
      }
      const key = String(fromObject ? propOf(p.S3Object, 'Key') : p.Key);
      const fileArg = pathArg(p.File) ?? (p.Folder !== undefined ? nodePath.join(String(p.Folder), ...key.split('/')) : undefined);
      if (!fileArg) throw awsError('The -File parameter is required.', 'InvalidArgument', 'System.ArgumentException');
      const target = ctx.resolvePath(fileArg);
      const req: Record<string, any> = { Bucket: bucket, Key: key, ...extra };
      if (p.Version) req.VersionId = String(p.Version);
      await downloadObject(ctx, svc, req, target);
      await ctx.write(await fileItem(target));
    });
  },
};

export const copyS3Object: CmdletDecl = {
  name: 'Copy-S3Object',
  module: 'AWS.Tools.S3',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['Amazon.S3.Model.S3Object', 'System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  synopsis: 'Copies an S3 object to another key or bucket, or downloads it to a local file or folder.',
  notes: 'This cmdlet calls the S3 operation CopyObject (GetObject when copying to a local file or folder).',
  get parameters(): ParameterDecl[] {
    return [
      bucketParam,
      { name: 'Key', type: 'string', position: 1, aliases: ['SourceKey'], valueFromPipelineByPropertyName: true },
      { name: 'DestinationKey', type: 'string', position: 2 },
      { name: 'DestinationBucket', type: 'string' },
      { name: 'VersionId', type: 'string', aliases: ['SourceVersionId'] },
      { name: 'LocalFile', type: 'string' },
      { name: 'LocalFolder', type: 'string' },
      { name: 'KeyPrefix', type: 'string', aliases: ['Prefix'] },
      { name: 'CannedACLName', type: 'string', validateSet: cannedAclNames },
      { name: 'PublicReadOnly', type: 'switch' },
      { name: 'PublicReadWrite', type: 'switch' },
      { name: 'ContentType', type: 'string' },
      { name: 'MetadataDirective', type: 'string', validateSet: ['COPY', 'REPLACE'] },
      { name: 'Metadata', type: 'hashtable' },
      { name: 'StorageClass', type: 'string', argumentCompletions: enumCompletions('S3', 'StorageClass') },
      { name: 'ServerSideEncryption', type: 'string', argumentCompletions: enumCompletions('S3', 'ServerSideEncryption') },
      ...commonParams('S3'),
    ];
  },
  process: (ctx) => {
    const p = ctx.params;
    const bucket = String(p.BucketName);
    return withService(ctx, 'Copy-S3Object', 'S3', bucket, async (svc) => {
      if (p.LocalFile !== undefined || p.LocalFolder !== undefined) {
        if (p.KeyPrefix !== undefined && p.LocalFolder !== undefined) {
          const folder = ctx.resolvePath(String(p.LocalFolder));
          const prefix = String(p.KeyPrefix);
          let token: string | undefined;
          do {
            const page = await svc.client.send(new svc.module.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }), { abortSignal: ctx.signal });
            for (const o of page.Contents ?? []) {
              if (!o.Key || o.Key.endsWith('/')) continue;
              await downloadObject(ctx, svc, { Bucket: bucket, Key: o.Key }, nodePath.join(folder, ...o.Key.slice(prefix.length).replace(/^\/+/, '').split('/')));
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
          } while (token);
          await ctx.write(await fileItem(folder));
          return;
        }
        const key = String(p.Key);
        const target = ctx.resolvePath(p.LocalFile !== undefined ? String(p.LocalFile) : nodePath.join(String(p.LocalFolder), ...key.split('/')));
        const req: Record<string, any> = { Bucket: bucket, Key: key };
        if (p.VersionId) req.VersionId = String(p.VersionId);
        await downloadObject(ctx, svc, req, target);
        await ctx.write(await fileItem(target));
        return;
      }
      const key = String(p.Key);
      const destBucket = String(p.DestinationBucket ?? bucket);
      const destKey = String(p.DestinationKey ?? key);
      if (!(await ctx.shouldProcess(`s3://${destBucket}/${destKey}`, 'Copy-S3Object (CopyObject)'))) return;
      const source = `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}${p.VersionId ? `?versionId=${encodeURIComponent(String(p.VersionId))}` : ''}`;
      const req: Record<string, any> = { Bucket: destBucket, Key: destKey, CopySource: source };
      const acl = aclOf(p);
      if (acl) req.ACL = acl;
      if (p.ContentType) req.ContentType = String(p.ContentType);
      const meta = stringMap(p.Metadata);
      if (meta) req.Metadata = meta;
      if (p.MetadataDirective) req.MetadataDirective = String(p.MetadataDirective);
      else if (meta || p.ContentType) req.MetadataDirective = 'REPLACE';
      if (p.StorageClass) req.StorageClass = String(p.StorageClass);
      if (p.ServerSideEncryption) req.ServerSideEncryption = String(p.ServerSideEncryption);
      const res = await svc.client.send(new svc.module.CopyObjectCommand(req), { abortSignal: ctx.signal });
      const head = await svc.client.send(new svc.module.HeadObjectCommand({ Bucket: destBucket, Key: destKey }), { abortSignal: ctx.signal });
      await ctx.write(
        tag(
          { ETag: res.CopyObjectResult?.ETag ?? head.ETag, BucketName: destBucket, Key: destKey, LastModified: head.LastModified ?? res.CopyObjectResult?.LastModified, Owner: null, Size: head.ContentLength ?? 0, StorageClass: head.StorageClass ?? 'STANDARD' },
          'Amazon.S3.Model.S3Object',
        ),
      );
    });
  },
};
