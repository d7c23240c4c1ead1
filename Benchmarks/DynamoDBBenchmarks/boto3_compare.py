"""boto3 doing what the Swift benchmarks do, against the same loopback responder: client-side CPU per call.

Usage: python3 boto3_compare.py http://127.0.0.1:PORT [iterations]
"""
import json
import sys
import time

import boto3
from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from decimal import Decimal

endpoint = sys.argv[1]
iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
client = boto3.client(
    "dynamodb", endpoint_url=endpoint, region_name="us-east-1",
    aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
)
serializer, deserializer = TypeSerializer(), TypeDeserializer()
entry = {
    "pk": "USER#7f1c2d3e", "sk": "ENTRY#2026-11-26#0b5e", "id": "0B5E2A4C-9D51-4C1B-8E07-6F3A2B1C9D80",
    "category": "transport", "activity": "car_petrol", "quantity": Decimal("12.5"), "unit": "km",
    "kgCO2e": Decimal("2.1375"), "date": "2026-11-26", "createdAt": "2026-11-26T08:15:30.250Z",
    "tags": {"commute", "work"}, "note": "Drive to the office",
}


def measure(name, operation):
    for _ in range(50):
        operation()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(iterations):
        operation()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{name}: {cpu / iterations * 1e6:.1f} us CPU/op, {wall / iterations * 1e6:.1f} us wall/op")


def codec():
    item = json.loads(json.dumps({k: serializer.serialize(v) for k, v in entry.items()}))
    return {k: deserializer.deserialize(v) for k, v in item.items()}


def put():
    client.put_item(TableName="Entries", Item={k: serializer.serialize(v) for k, v in entry.items()})


def get():
    item = client.get_item(TableName="Entries", Key={"pk": {"S": "USER#7f1c2d3e"}, "sk": {"S": "ENTRY#x"}})["Item"]
    return {k: deserializer.deserialize(v) for k, v in item.items()}


measure("boto3 encode+decode entry (TypeSerializer + wire JSON)", codec)
measure("boto3 PutItem (serialize + sign + HTTP)", put)
measure("boto3 GetItem (sign + HTTP + deserialize)", get)
