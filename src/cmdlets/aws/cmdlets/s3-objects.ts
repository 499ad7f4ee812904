// Hand-written S3 cmdlets: Remove-S3Object (batched DeleteObjects), Test-S3Bucket, Get-S3PreSignedURL,
// Get-S3MultipartUpload and Remove-S3MultipartUpload.
import type { CmdletContext, CmdletDecl, ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { serviceCmdlet } from '../runtime/service-cmdlet.js';
import { tag } from '../runtime/output.js';
import { plain } from '../runtime/schema-values.js';
import { commonParams, propOf, withService } from './hand-written-support.js';
import { loadSdk } from '../runtime/sdk-require.js';
import { enumCompletions } from '../runtime/enum-store.js';

const bucketParam: ParameterDecl = { name: 'BucketName', type: 'string', position: 0, valueFromPipelineByPropertyName: true };

interface RemoveState {
  /** Objects from the pipeline, deleted in batches of 1000 (the DeleteObjects limit). */
  pending: { bucket: string; Key: string; VersionId?: string }[];
}

async function deleteBatch(ctx: CmdletContext<RemoveState>, bucket: string, objects: { Key: string; VersionId?: string }[]): Promise<void> {
  await withService(ctx, 'Remove-S3Object', 'S3', bucket, async (svc) => {
    for (let i = 0; i < objects.length; i += 1000) {
      const chunk = objects.slice(i, i + 1000);
      const res = await svc.client.send(new svc.module.DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: chunk, Quiet: false } }), { abortSignal: ctx.signal });
      const { $metadata, ...rest } = res;
      void $metadata;
      rest.DeletedObjects = rest.Deleted ?? [];
      rest.DeleteErrors = rest.Errors ?? [];
      await ctx.write(tag(rest, 'Amazon.S3.Model.DeleteObjectsResponse'));
    }
  });
}

export const removeS3Object: CmdletDecl<RemoveState> = {
  name: 'Remove-S3Object',
  module: 'AWS.Tools.S3',
  supportsShouldProcess: true,
  confirmImpact: 'High',
  outputType: ['Amazon.S3.Model.DeleteObjectResponse', 'Amazon.S3.Model.DeleteObjectsResponse'],
  synopsis: 'Deletes one or more objects from an S3 bucket.',
  notes: 'This cmdlet calls the S3 operation DeleteObject, or DeleteObjects for several keys.',
  get parameters(): ParameterDecl[] {
    return [
      bucketParam,
      { name: 'Key', type: 'string', position: 1, aliases: ['ObjectKey'], parameterSets: ['SingleObject'], valueFromPipelineByPropertyName: true },
      { name: 'VersionId', type: 'string', position: 2, parameterSets: ['SingleObject'], valueFromPipelineByPropertyName: true },
      { name: 'KeyCollection', type: 'string[]', aliases: ['Keys'], parameterSets: ['KeyCollection'], mandatory: ['KeyCollection'] },
      { name: 'InputObject', type: 'object[]', aliases: ['S3ObjectCollection'], parameterSets: ['S3ObjectCollection'], mandatory: ['S3ObjectCollection'], valueFromPipeline: true },
      { name: 'MfaSerial', type: 'string' },
      { name: 'MfaAuthenticationValue', type: 'string' },
      { name: 'BypassGovernanceRetention', type: 'switch' },
      ...commonParams('S3'),
    ];
  },
  init: () => ({ pending: [] }),
  process: async (ctx) => {
    const p = ctx.params;
    // A piped S3Object may bind -Key/-BucketName by property name instead of -InputObject: it is still a batch item.
    const pipedObject = ctx.expectingInput && ctx.inputObject !== null && typeof ctx.inputObject === 'object' && typeof propOf(ctx.inputObject, 'Key') === 'string';
    if (p.InputObject !== undefined || pipedObject) {
      const items = p.InputObject !== undefined ? p.InputObject : ctx.inputObject;
      for (const o of Array.isArray(items) ? items : [items]) {
        const key = propOf(o, 'Key');
        if (typeof key !== 'string') continue;
        const bucket = String(propOf(o, 'BucketName') ?? p.BucketName);
        const v = propOf(o, 'VersionId');
        ctx.state.pending.push({ bucket, Key: key, ...(typeof v === 'string' && v && v !== 'null' ? { VersionId: v } : {}) });
      }
      return;
    }
    const bucket = String(p.BucketName);
    if (p.KeyCollection !== undefined) {
      const keys: string[] = (Array.isArray(p.KeyCollection) ? p.KeyCollection : [p.KeyCollection]).map(String);
      if (!p.Force && !(await ctx.shouldProcess(keys.join(', '), 'Remove-S3Object (DeleteObjects)'))) return;
      await deleteBatch(ctx, bucket, keys.map((Key) => ({ Key })));
      return;
    }
    const key = String(p.Key ?? '');
    if (!p.Force && !(await ctx.shouldProcess(key, 'Remove-S3Object (DeleteObject)'))) return;
    await withService(ctx, 'Remove-S3Object', 'S3', key, async (svc) => {
      const req: Record<string, any> = { Bucket: bucket, Key: key };
      if (p.VersionId) req.VersionId = String(p.VersionId);
      if (p.BypassGovernanceRetention) req.BypassGovernanceRetention = true;
      const { $metadata, ...res } = await svc.client.send(new svc.module.DeleteObjectCommand(req), { abortSignal: ctx.signal });
      void $metadata;
      res.IsDeleteMarker = res.DeleteMarker ?? false;
      await ctx.write(tag(res, 'Amazon.S3.Model.DeleteObjectResponse'));
    });
  },
  end: async (ctx) => {
    const pending = ctx.state.pending;
    if (!pending.length) return;
    const byBucket = new Map<string, { Key: string; VersionId?: string }[]>();
    for (const { bucket, ...o } of pending) (byBucket.get(bucket) ?? byBucket.set(bucket, []).get(bucket)!).push(o);
    for (const [bucket, objects] of byBucket) {
      if (!ctx.params.Force && !(await ctx.shouldProcess(objects.map((o) => o.Key).join(', '), 'Remove-S3Object (DeleteObjects)'))) continue;
      await deleteBatch(ctx, bucket, objects);
    }
  },
};

export const testS3Bucket: CmdletDecl = {
  name: 'Test-S3Bucket',
  module: 'AWS.Tools.S3',
  outputType: ['System.Boolean'],
  synopsis: 'Tells whether an S3 bucket exists (true also for buckets other accounts own).',
  notes: 'This cmdlet calls the S3 operation HeadBucket.',
  get parameters(): ParameterDecl[] {
    return [{ ...bucketParam, mandatory: true, valueFromPipeline: true }, ...commonParams('S3')];
  },
  process: (ctx) =>
    withService(ctx, 'Test-S3Bucket', 'S3', ctx.params.BucketName, async (svc) => {
      try {
        await svc.client.send(new svc.module.HeadBucketCommand({ Bucket: String(ctx.params.BucketName) }), { abortSignal: ctx.signal });
        await ctx.write(true);
      } catch (e) {
        const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status === 404) await ctx.write(false);
        else if (status === 403 || status === 301) await ctx.write(true);
        else throw e;
      }
    }),
};

const verbs: Record<string, string> = { GET: 'GetObjectCommand', PUT: 'PutObjectCommand', DELETE: 'DeleteObjectCommand', HEAD: 'HeadObjectCommand' };

export const getS3PreSignedUrl: CmdletDecl = {
  name: 'Get-S3PreSignedURL',
  module: 'AWS.Tools.S3',
  outputType: ['System.String'],
  synopsis: 'Creates a pre-signed URL for an S3 object (signed locally; no service call).',
  notes: 'This cmdlet signs a GetObject/PutObject/DeleteObject/HeadObject request with @aws-sdk/s3-request-presigner.',
  get parameters(): ParameterDecl[] {
    return [
      { ...bucketParam, mandatory: true, valueFromPipeline: true },
      { name: 'Key', type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true },
      { name: 'VersionId', type: 'string' },
      { name: 'Expire', type: 'datetime', aliases: ['Expires'], mandatory: true },
      { name: 'Verb', type: 'string', validateSet: ['GET', 'PUT', 'DELETE', 'HEAD'] },
      { name: 'Protocol', type: 'string', validateSet: ['HTTP', 'HTTPS'] },
      { name: 'ContentType', type: 'string' },
      { name: 'ServerSideEncryptionMethod', type: 'string', argumentCompletions: enumCompletions('S3', 'ServerSideEncryption') },
      ...commonParams('S3'),
    ];
  },
  process: (ctx) => {
    const p = ctx.params;
    return withService(ctx, 'Get-S3PreSignedURL', 'S3', p.Key, async (svc) => {
      const { getSignedUrl } = await loadSdk<typeof import('@aws-sdk/s3-request-presigner')>('@aws-sdk/s3-request-presigner');
      const verb = String(p.Verb ?? 'GET').toUpperCase();
      const req: Record<string, any> = { Bucket: String(p.BucketName), Key: String(p.Key) };
      if (p.VersionId && verb !== 'PUT') req.VersionId = String(p.VersionId);
      if (p.ContentType && verb === 'PUT') req.ContentType = String(p.ContentType);
      if (p.ServerSideEncryptionMethod && verb === 'PUT') req.ServerSideEncryption = String(p.ServerSideEncryptionMethod);
      const expire = plain(p.Expire) as Date;
      const expiresIn = Math.max(1, Math.round((expire.getTime() - Date.now()) / 1000));
      const Command = svc.module[verbs[verb] ?? 'GetObjectCommand'];
      let url = await getSignedUrl(svc.client as never, new Command(req), { expiresIn });
      if (p.Protocol && String(p.Protocol).toUpperCase() === 'HTTP') url = url.replace(/^https:/, 'http:');
      await ctx.write(url);
    });
  },
};

/** Get-S3MultipartUpload is ListMultipartUploads emitting the uploads, with AWS Tools' -KeyPrefix name. */
export const getS3MultipartUpload: CmdletDecl = (() => {
  const d = serviceCmdlet(['Get-S3MultipartUpload', 'S3', 'ListMultipartUploads', 'Uploads', 'BucketName', 'h']);
  // The generated decl's lazy `parameters` getter (defined on its class), wrapped to add the alias.
  const base = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(d), 'parameters')!.get!;
  let params: ParameterDecl[] | null = null;
  Object.defineProperty(d, 'parameters', {
    get: () => (params ??= base.call(d).map((x: ParameterDecl) => (x.name === 'Prefix' ? { ...x, aliases: [...(x.aliases ?? []), 'KeyPrefix'] } : x))),
  });
  d.outputType = ['Amazon.S3.Model.MultipartUpload'];
  return d;
})();

export const removeS3MultipartUpload: CmdletDecl = {
  name: 'Remove-S3MultipartUpload',
  module: 'AWS.Tools.S3',
  supportsShouldProcess: true,
  confirmImpact: 'High',
  outputType: ['None'],
  synopsis: 'Aborts the multipart uploads of a bucket that were initiated before a date.',
  notes: 'This cmdlet calls the S3 operations ListMultipartUploads and AbortMultipartUpload.',
  get parameters(): ParameterDecl[] {
    return [
      { ...bucketParam, mandatory: true, valueFromPipeline: true },
      { name: 'InitiatedDate', type: 'datetime', parameterSets: ['InitiatedDate'], mandatory: ['InitiatedDate'] },
      { name: 'DaysBefore', type: 'int', parameterSets: ['DaysBefore'], mandatory: ['DaysBefore'] },
      ...commonParams('S3'),
    ];
  },
  process: (ctx) => {
    const p = ctx.params;
    const bucket = String(p.BucketName);
    const before = p.InitiatedDate !== undefined ? (plain(p.InitiatedDate) as Date) : new Date(Date.now() - Number(p.DaysBefore ?? 0) * 86_400_000);
    return withService(ctx, 'Remove-S3MultipartUpload', 'S3', bucket, async (svc) => {
      if (!p.Force && !(await ctx.shouldProcess(bucket, 'Remove-S3MultipartUpload (AbortMultipartUpload)'))) return;
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      for (;;) {
        const page = await svc.client.send(new svc.module.ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }), { abortSignal: ctx.signal });
        for (const u of page.Uploads ?? []) {
          if (u.Initiated && new Date(u.Initiated).getTime() < before.getTime()) {
            await svc.client.send(new svc.module.AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }), { abortSignal: ctx.signal });
          }
        }
        if (!page.IsTruncated) break;
        keyMarker = page.NextKeyMarker;
        uploadIdMarker = page.NextUploadIdMarker;
      }
    });
  },
};
