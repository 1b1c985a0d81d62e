package dev.registryedge.cli.deploy;

/**
 * What creating the function takes where it does not exist yet: its role ({@code {account}} in
 * the ARN stands for the account it is created in) and runtime.
 */
public record NewFunction(String roleArn, String runtime) {}
