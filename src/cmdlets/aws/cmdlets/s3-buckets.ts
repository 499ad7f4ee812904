// Hand-written S3 bucket cmdlets (AWS Tools' New-S3Bucket and Remove-S3Bucket).
import type { CmdletDecl, ParameterDecl } from '../../../runtime/cmdlet-api.js';
import { serviceCommonParameters } from '../runtime/common-params.js';
import { runServiceOperation } from '../runtime/service-cmdlet.js';
import { tag } from '../runtime/output.js';

const cannedAcls = ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'];
const bucketNameParam: ParameterDecl = {
  name: 'BucketName', type: 'string', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true,
};

export const newS3Bucket: CmdletDecl = {
  name: 'New-S3Bucket',
  module: 'AWS.Tools.S3',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['Amazon.S3.Model.S3Bucket'],
  notes: 'This cmdlet calls the S3 operation CreateBucket.',
  synopsis: 'Creates a new Amazon S3 bucket in the region the cmdlet runs against.',
  get parameters() {
    return [
      bucketNameParam,
      { name: 'CannedACLName', type: 'string', validateSet: cannedAcls, valueFromPipelineByPropertyName: true },
      { name: 'PublicReadOnly', type: 'switch' },
      { name: 'PublicReadWrite', type: 'switch' },
      { name: 'ObjectLockEnabledForBucket', type: 'bool', valueFromPipelineByPropertyName: true },
      { name: 'ObjectOwnership', type: 'string', valueFromPipelineByPropertyName: true },
      ...serviceCommonParameters('S3').filter((p) => p.name !== 'NoAutoIteration'),
    ];
  },
  process: (ctx) =>
    runServiceOperation(
      ctx,
      {
        name: 'New-S3Bucket', prefix: 'S3', op: 'CreateBucket', defaultOutput: '', pipelineParam: 'BucketName',
        defaultEmit: (_res, req) => tag({ BucketName: req.Bucket, CreationDate: new Date() }, 'Amazon.S3.Model.S3Bucket'),
      },
      (req, c, svc) => {
        const p = c.params;
        req.Bucket = p.BucketName;
        // The bucket goes in the region the client talks to; us-east-1 takes no location constraint.
        if (svc.region && svc.region !== 'us-east-1') req.CreateBucketConfiguration = { LocationConstraint: svc.region };
        if (p.CannedACLName) req.ACL = p.CannedACLName;
        else if (p.PublicReadOnly) req.ACL = 'public-read';
        else if (p.PublicReadWrite) req.ACL = 'public-read-write';
        if (p.ObjectLockEnabledForBucket !== undefined) req.ObjectLockEnabledForBucket = !!p.ObjectLockEnabledForBucket;
        if (p.ObjectOwnership) req.ObjectOwnership = p.ObjectOwnership;
        return req;
      },
    ),
};

export const removeS3Bucket: CmdletDecl = {
  name: 'Remove-S3Bucket',
  module: 'AWS.Tools.S3',
  supportsShouldProcess: true,
  confirmImpact: 'High',
  outputType: ['None'],
  notes: 'This cmdlet calls the S3 operation DeleteBucket (after ListObjectVersions/DeleteObjects with -DeleteBucketContent).',
  synopsis: 'Deletes an S3 bucket, optionally deleting its objects and versions first.',
  get parameters() {
    return [
      bucketNameParam,
      { name: 'DeleteBucketContent', type: 'switch', aliases: ['DeleteObjects'] },
      ...serviceCommonParameters('S3').filter((p) => p.name !== 'NoAutoIteration'),
    ];
  },
  process: (ctx) =>
    runServiceOperation(ctx, { name: 'Remove-S3Bucket', prefix: 'S3', op: 'DeleteBucket', defaultOutput: '', pipelineParam: 'BucketName' }, async (req, c, svc) => {
      req.Bucket = c.params.BucketName;
      if (c.params.DeleteBucketContent) {
        const { ListObjectVersionsCommand, DeleteObjectsCommand } = svc.module;
        // Each pass lists from the start: what was just deleted is gone, so no paging markers are needed
        // (markers into a listing that is being emptied are not reliable on every S3 implementation).
        for (;;) {
          const page = await svc.client.send(new ListObjectVersionsCommand({ Bucket: req.Bucket }), { abortSignal: c.signal });
          const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v: any) => ({ Key: v.Key, VersionId: v.VersionId }));
          if (objects.length === 0) break;
          await svc.client.send(new DeleteObjectsCommand({ Bucket: req.Bucket, Delete: { Objects: objects, Quiet: true } }), { abortSignal: c.signal });
        }
      }
      return req;
    }),
};
