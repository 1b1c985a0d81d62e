package dev.registryedge.cli.deploy;

/** Reading Lambda function ARNs and names: region, version, and how to print them short. */
public final class FunctionArns {

    /** Where Lambda@Edge functions must live. */
    public static final String EDGE_REGION = "us-east-1";

    private FunctionArns() {}

    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME:VERSION} with a number for VERSION. */
    public static boolean isNumberedVersion(String arn) {
        String[] parts = arn.split(":", -1);
        return parts.length == 8 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].equals("function")
                && parts[7].chars().allMatch(Character::isDigit) && !parts[7].isEmpty();
    }

    /** The region an ARN names, or null for a plain function name. */
    public static String regionOf(String nameOrArn) {
        String[] parts = nameOrArn.split(":", -1);
        return parts.length >= 7 && parts[0].equals("arn") ? parts[3] : null;
    }

    /** A name or ARN with a version or alias after the function's name. */
    public static boolean isQualified(String nameOrArn) {
        String[] parts = nameOrArn.split(":", -1);
        return parts[0].equals("arn") ? parts.length > 7 : parts.length > 1;
    }

    /** {@code NAME:VERSION} for a version ARN, the ARN itself for anything else. */
    public static String shortName(String arn) {
        String[] parts = arn.split(":", -1);
        return parts.length == 8 && parts[5].equals("function") ? parts[6] + ":" + parts[7] : arn;
    }
}
