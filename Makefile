.PHONY: demo serve test build-Function

# Starts a local DynamoDB (moto), creates the tables, builds and runs the 10-step self-test.
demo:
	bash scripts/demo.sh

# The API over plain HTTP on 127.0.0.1:8080 (HTTP_PORT), in front of the real bootstrap, with a test user's token.
serve:
	bash scripts/serve.sh

# Runs the whole test suite (installs moto, cfn-lint, awscli, ziglang into .venv, and shellcheck, when missing).
test:
	bash scripts/test.sh

# Called by `sam build` (infra/template.yaml, BuildMethod: makefile) with ARTIFACTS_DIR: the checked bootstrap,
# built by infra/package.sh, which fails (and so fails the build) when it could not start on Lambda.
build-Function:
	bash infra/package.sh --output "$(ARTIFACTS_DIR)/carbontrack-lambda.zip"
	cd "$(ARTIFACTS_DIR)" && unzip -o -q carbontrack-lambda.zip && rm carbontrack-lambda.zip
