// Default views for the AWS types the guide shows (AWS Tools' *.Format.ps1xml equivalents).
import { registerView, type ViewColumn } from '../../../runtime/format/index.js';
import { registerTypeToString } from '../../../runtime/values/convert.js';

const col = (label: string, getter?: (o: any) => unknown): ViewColumn => (getter ? { label, getter } : { label });
const list = (...names: string[]) => ({ list: { items: names.map((n) => col(n)) } });

let registered = false;
/** Registers the views once (a few map entries; called when the AWS cmdlets are registered). */
export function registerAwsViews(): void {
  if (registered) return;
  registered = true;
  // Model objects show as their type name inside collections (`{Amazon.EC2.Model.IpPermission}`); these few have
  // the ToString() AWS Tools gives them (the guide's `{file1.txt, file2.txt}`, `{/dev/sda1}`, `{myPSSecurityGroup}`).
  const by = (member: string) => (o: any) => String(o?.[member] ?? '');
  registerTypeToString('Amazon.S3.Model.S3Object', by('Key'));
  registerTypeToString('Amazon.EC2.Model.BlockDeviceMapping', by('DeviceName'));
  registerTypeToString('Amazon.EC2.Model.InstanceBlockDeviceMapping', by('DeviceName'));
  registerTypeToString('Amazon.EC2.Model.GroupIdentifier', by('GroupName'));
  registerView('Amazon.S3.Model.S3Bucket', { table: { columns: [col('CreationDate'), col('BucketName')] } });
  registerView('Amazon.S3.Model.S3Object', list('ETag', 'BucketName', 'Key', 'LastModified', 'Owner', 'Size', 'StorageClass'));
  registerView('Amazon.EC2.Model.Reservation', {
    list: { items: [col('ReservationId'), col('OwnerId'), col('RequesterId'), col('Groups', (o) => (o?.Groups ?? []).map((g: any) => g?.GroupName ?? g)), col('GroupName'), col('Instances')] },
  });
  registerView('Amazon.EC2.Model.Instance', {
    table: {
      columns: [
        col('InstanceId'), col('InstanceType'), col('State', (o) => o?.State?.Name ?? null), col('Platform'), col('PrivateIpAddress'), col('PublicIpAddress'),
        col('SecurityGroups', (o) => (o?.SecurityGroups ?? []).map((g: any) => g?.GroupName ?? g)), col('SubnetId'), col('VpcId'),
      ],
    },
  });
  registerView('Amazon.EC2.Model.SecurityGroup', list('Description', 'GroupId', 'GroupName', 'IpPermissions', 'IpPermissionsEgress', 'OwnerId', 'Tags', 'VpcId'));
  registerView('Amazon.EC2.Model.KeyPair', list('KeyFingerprint', 'KeyMaterial', 'KeyName'));
  registerView('Amazon.EC2.Model.KeyPairInfo', { table: { columns: [col('KeyFingerprint'), col('KeyName')] } });
  registerView('Amazon.SQS.Model.Message', list('Attributes', 'Body', 'MD5OfBody', 'MD5OfMessageAttributes', 'MessageAttributes', 'MessageId', 'ReceiptHandle'));
  registerView('Amazon.Powershell.Common.AWSRegion', { table: { columns: [col('Region'), col('Name'), col('IsShellDefault')] } });
}
