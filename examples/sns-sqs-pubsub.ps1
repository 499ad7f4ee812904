# The user guide's "Amazon SQS, Amazon SNS and Tools for Windows PowerShell" walkthrough, line for line:
# a queue and its ARN, a topic, the queue policy, the subscription, permissions, publish and receive.
Set-DefaultAWSRegion -Region us-west-2

# create the queue and topic to be associated
$qurl = New-SQSQueue -QueueName "myQueue"
$topicarn = New-SNSTopic -Name "myTopic"

# get the queue ARN to inject into the policy; it will be returned
# in the output's QueueARN member but we need to put it into a variable
# so text expansion in the policy string takes effect
$qarn = (Get-SQSQueueAttribute -QueueUrl $qurl -AttributeNames "QueueArn").QueueARN

# construct the policy and inject arns
# (the statement is a one-element list with a Sid: moto's AddPermission below appends to that list and reads Sids)
$policy = @"
{
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "topic-to-queue",
        "Effect": "Allow",
        "Principal": "*",
        "Action": "SQS:SendMessage",
        "Resource": "$qarn",
        "Condition": { "ArnEquals": { "aws:SourceArn": "$topicarn" } }
    }]
}
"@

# set the policy
Set-SQSQueueAttribute -QueueUrl $qurl -Attribute @{ Policy=$policy }

# subscribe the queue to the topic
$subscription = Connect-SNSNotification `
    -TopicARN $topicarn `
    -Protocol SQS `
    -Endpoint $qarn

# give permissions
Add-SNSPermission `
    -TopicArn $topicarn `
    -Label ps-cmdlet-topic `
    -AWSAccountIds 123456789012 `
    -ActionNames publish
Add-SQSPermission `
    -QueueUrl $qurl `
    -AWSAccountId "123456789012" `
    -Label queue-permission `
    -ActionName SendMessage, ReceiveMessage

# verify: publish a message to the topic and read it from the queue
$messageId = Publish-SNSMessage `
    -TopicArn $topicarn `
    -Message "Have A Nice Day!"
$message = Receive-SQSMessage -QueueUrl $qurl
$notification = $message.Body | ConvertFrom-Json
"Queue:        $qurl"
"Subscription: $subscription"
"Published:    $messageId"
"Received:     $($notification.Message)"
