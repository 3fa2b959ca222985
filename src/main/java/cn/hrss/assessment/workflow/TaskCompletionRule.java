package cn.hrss.assessment.workflow;

import java.util.List;

/**
 * Server-side check of a task completion (CONTRACT.md: Camunda Forms validate only in the browser).
 * Implementations are Spring beans; each names the task definition keys it guards.
 */
public interface TaskCompletionRule {

  /** Task definition keys this rule guards, e.g. {@code Task_ReviewCompleteness}. */
  List<String> taskDefinitionKeys();

  /** Adds a Chinese message to {@code violations} for every invalid or missing value. */
  void check(TaskCompletion completion, Violations violations);
}
