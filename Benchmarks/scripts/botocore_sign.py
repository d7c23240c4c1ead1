"""botocore's SigV4 signing of the same DynamoDB PutItem request the Swift 'SigV4 sign' benchmark signs.

Usage: python3 botocore_sign.py [iterations]   -> CPU microseconds per signed request
"""
import json
import sys
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
body = json.dumps({"TableName": "Entries", "Item": "x"})
headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.PutItem"}

start = time.process_time()
for _ in range(iterations):
    request = AWSRequest(method="POST", url="https://dynamodb.us-east-1.amazonaws.com/", data=body, headers=headers)
    SigV4Auth(credentials, "dynamodb", "us-east-1").add_auth(request)
elapsed = time.process_time() - start
print(f"botocore SigV4 sign a PutItem request: {elapsed / iterations * 1e6:.1f} us CPU per request")
