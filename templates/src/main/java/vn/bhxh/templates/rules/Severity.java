package vn.bhxh.templates.rules;

/** BLOCKING: the channel would refuse or cut the post, so it must not be published. WARNING: house style. */
public enum Severity {
    BLOCKING,
    WARNING
}
