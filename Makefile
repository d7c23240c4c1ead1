.PHONY: demo test

# Starts a local DynamoDB (moto), creates the tables, builds and runs the 10-step self-test.
demo:
	bash scripts/demo.sh

# Runs the whole test suite (installs moto, cfn-lint, awscli, shellcheck when missing).
test:
	bash scripts/test.sh
