# The user guide's "Amazon EC2 and Tools for Windows PowerShell" walkthrough: a key pair, a VPC security group
# with ingress rules, finding an image, launching, stopping and terminating instances, and a Spot request.
Set-DefaultAWSRegion -Region us-east-1

# Creating a key pair, and saving its private key
$myPSKeyPair = New-EC2KeyPair -KeyName myPSKeyPair
$myPSKeyPair | Format-List KeyName, KeyFingerprint
$myPSKeyPair.KeyMaterial | Out-File -Encoding ascii myPSKeyPair.pem

# A VPC to launch into (the guide assumes one exists)
$vpc = New-EC2Vpc -CidrBlock 10.0.0.0/16
$subnet = New-EC2Subnet -VpcId $vpc.VpcId -CidrBlock 10.0.1.0/24

# Creating a security group for EC2-VPC
$groupid = New-EC2SecurityGroup `
    -VpcId $vpc.VpcId `
    -GroupName "myPSSecurityGroup" `
    -GroupDescription "EC2-VPC from PowerShell"

# Inbound rules for TCP ports 22 and 3389 from a single IP address
$ip1 = new-object Amazon.EC2.Model.IpPermission
$ip1.IpProtocol = "tcp"
$ip1.FromPort = 22
$ip1.ToPort = 22
$ip1.IpRanges.Add("203.0.113.25/32")
$ip2 = new-object Amazon.EC2.Model.IpPermission
$ip2.IpProtocol = "tcp"
$ip2.FromPort = 3389
$ip2.ToPort = 3389
$ip2.IpRanges.Add("203.0.113.25/32")
Grant-EC2SecurityGroupIngress -GroupId $groupid -IpPermissions @( $ip1, $ip2 )
(Get-EC2SecurityGroup -GroupIds $groupid).IpPermissions | Select-Object IpProtocol, FromPort, ToPort, IpRanges

# Finding an image: Amazon's and your own, only Windows ones
$platform_values = New-Object 'collections.generic.list[string]'
$platform_values.add("windows")
$filter_platform = New-Object Amazon.EC2.Model.Filter -Property @{Name = "platform"; Values = $platform_values}
$windowsImages = Get-EC2Image -Owner amazon, self -Filter $filter_platform
"Windows images: $(@($windowsImages).Count)"
$image = Get-EC2ImageByName -Names WINDOWS_2016_BASE
$image.Name

# Launching an instance in a VPC
$reservation = New-EC2Instance `
    -ImageId $image.ImageId `
    -MinCount 1 -MaxCount 1 `
    -KeyName myPSKeyPair `
    -SecurityGroupId $groupid `
    -InstanceType m1.small `
    -SubnetId $subnet.SubnetId
$reservation.ReservationId

# Find it again with a filter
# (moto has no "reservation-id" filter: filter on the subnet instead)
$filter_reservation = New-Object Amazon.EC2.Model.Filter -Property @{Name = "subnet-id"; Values = $subnet.SubnetId}
$instance = (Get-EC2Instance -Filter $filter_reservation).Instances
$instance.InstanceId

# Stop it (Reservation objects pipe into Stop-EC2Instance), then terminate it
Get-EC2Instance -InstanceId $instance.InstanceId | Stop-EC2Instance -Force | Out-Null
(Get-EC2Instance -InstanceId $instance.InstanceId).Instances.State.Name
Remove-EC2Instance -InstanceId $instance.InstanceId -Force | Out-Null

# Launching a Spot Instance in a VPC
$interface1 = New-Object Amazon.EC2.Model.InstanceNetworkInterfaceSpecification
$interface1.DeviceIndex = 0
$interface1.SubnetId = $subnet.SubnetId
$interface1.PrivateIpAddress = "10.0.1.5"
$interface1.Groups.Add($groupid)
$spot = Request-EC2SpotInstance `
    -SpotPrice 0.007 `
    -InstanceCount 1 `
    -Type one-time `
    -LaunchSpecification_ImageId $image.ImageId `
    -LaunchSpecification_InstanceType m1.small `
    -LaunchSpecification_NetworkInterfaces $interface1
$spot.SpotInstanceRequestId
