package dev.slipway.runtime.asl.conformance;

/** Runs one conformance case on an engine: in process, or through SfnClient over HTTP. */
interface CaseRunner {
    CaseResult run(ConformanceCase testCase) throws Exception;
}
