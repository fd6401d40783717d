#!/bin/sh
# Compiles the service into build/libs/hello.jar with the JDK alone (no build tool in the image).
# `./build.sh test` also compiles and runs the tests.
set -eu
cd "$(dirname "$0")"
rm -rf build && mkdir -p build/libs
find src/main/java -name '*.java' >build/main-sources
javac --release 17 -d build/classes @build/main-sources
jar --create --file build/libs/hello.jar --main-class dev.slipway.examples.hello.HelloServer -C build/classes .
echo "built build/libs/hello.jar"
if [ "${1:-}" = test ]; then
  find src/test/java -name '*.java' >build/test-sources
  javac --release 17 -cp build/classes -d build/test-classes @build/test-sources
  java -cp build/classes:build/test-classes dev.slipway.examples.hello.HelloServerCheck
fi
