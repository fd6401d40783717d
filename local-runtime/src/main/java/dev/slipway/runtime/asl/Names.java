package dev.slipway.runtime.asl;

import java.util.regex.Pattern;

/** AWS's rules for state machine and execution names, and the ARNs built from them. */
public final class Names {
    /** "A name must not contain: white space, brackets, wildcards, special characters or control characters" (AWS). */
    private static final Pattern FORBIDDEN = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private Names() {
    }

    public static void check(String name) {
        if (name == null || name.isEmpty() || name.length() > 80 || FORBIDDEN.matcher(name).find()) {
            throw new RequestRejectedException("InvalidName", "Invalid Name: '" + name + "' (1 to 80 characters, without"
                    + " white space, brackets, wildcards, control characters or any of \" # % \\ ^ | ~ ` $ & , ; : /)");
        }
    }

    public static String stateMachineArn(String name) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
    }

    public static String executionArn(String stateMachineArn, String name) {
        String machine = stateMachineArn.substring(stateMachineArn.lastIndexOf(':') + 1);
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + machine + ":" + name;
    }

    public static void checkArn(String arn, String kind) {
        if (arn == null || !arn.startsWith("arn:aws:states:") || !arn.contains(":" + kind + ":")) {
            throw new RequestRejectedException("InvalidArn", "Invalid Arn: '" + arn + "' is not a " + kind + " ARN");
        }
    }
}
