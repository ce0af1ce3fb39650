package vn.bhxh.cms.product;

/** Announced once a workflow step is saved: the step and the variant as it is after it. */
public record WorkflowStepTaken(WorkflowStep step, Variant variant) {
}
