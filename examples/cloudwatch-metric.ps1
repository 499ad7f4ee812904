# The user guide's "CloudWatch from the AWS Tools for Windows PowerShell" example: publish a custom metric
Import-Module AWS.Tools.CloudWatch
# from a MetricDatum object with a UTC timestamp, then read it back.
Set-DefaultAWSRegion -Region us-east-1

$dat = New-Object Amazon.CloudWatch.Model.MetricDatum
$dat.Timestamp = (Get-Date).ToUniversalTime()
$dat.MetricName = "New Posts"
$dat.Unit = "Count"
$dat.Value = ".50"
Write-CWMetricData -Namespace "Usage Metrics" -MetricData $dat

# read it back: the metric is listed, and its statistics show the value
Get-CWMetricList -Namespace "Usage Metrics" | Select-Object -ExpandProperty MetricName
$stats = Get-CWMetricStatistic -Namespace "Usage Metrics" -MetricName "New Posts" `
    -StartTime (Get-Date).ToUniversalTime().AddHours(-1) -EndTime (Get-Date).ToUniversalTime().AddMinutes(5) `
    -Period 60 -Statistic Sum
$stats.Datapoints | Select-Object -ExpandProperty Sum
