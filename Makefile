# Lambda packages for `sam build` (template.yaml: CodeUri: . and Metadata: BuildMethod: makefile).
# SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set and zips what lands there. Lambda's Java
# runtime puts /var/task/lib/*.jar on the classpath, so each function gets its jar under lib/.
#
#   functions/target/slipway-functions-lambda.jar  webhook, dispatch, schedule (no Slack libraries)
#   lambda/target/slipway-bot-lambda.jar           the bot and the pipeline's functions (they post to Slack)
#
# A jar is rebuilt only when a source or pom it comes from is newer, so the twelve targets of one
# `sam build` run Maven twice at most.

MVN ?= ./mvnw -B -q
FUNCTIONS_JAR := functions/target/slipway-functions-lambda.jar
BOT_JAR := lambda/target/slipway-bot-lambda.jar
FUNCTIONS_SOURCES := pom.xml core/pom.xml functions/pom.xml $(shell find core/src/main functions/src/main -type f 2>/dev/null)
BOT_SOURCES := $(FUNCTIONS_SOURCES) bot/pom.xml lambda/pom.xml $(shell find bot/src/main lambda/src/main -type f 2>/dev/null)

FUNCTIONS_JAR_FUNCTIONS := WebhookFunction DispatchFunction ScheduleFunction
BOT_JAR_FUNCTIONS := BotFunction PrepareFunction RecordFunction RequestApprovalFunction DeployFunction \
	VerifyFunction RollbackFunction NotifyFunction BuildEndedFunction

.PHONY: jars $(addprefix build-,$(FUNCTIONS_JAR_FUNCTIONS) $(BOT_JAR_FUNCTIONS))

jars: $(FUNCTIONS_JAR) $(BOT_JAR)

$(FUNCTIONS_JAR): $(FUNCTIONS_SOURCES)
	$(MVN) -Plambda -pl functions -am package -DskipTests
	@touch $@

$(BOT_JAR): $(BOT_SOURCES)
	$(MVN) -pl lambda -am package -DskipTests
	@touch $@

$(addprefix build-,$(FUNCTIONS_JAR_FUNCTIONS)): $(FUNCTIONS_JAR)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: sam build sets it; by hand: make $@ ARTIFACTS_DIR=/tmp/out" >&2; exit 2; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(FUNCTIONS_JAR) "$(ARTIFACTS_DIR)/lib/"

$(addprefix build-,$(BOT_JAR_FUNCTIONS)): $(BOT_JAR)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: sam build sets it; by hand: make $@ ARTIFACTS_DIR=/tmp/out" >&2; exit 2; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(BOT_JAR) "$(ARTIFACTS_DIR)/lib/"
