package cn.hrss.assessment.workflow;

/**
 * Task-local variables that more than one feature reads: set by one (the calendar), queried by another (the Tasklist
 * filters of {@code identity}). They live here, below both, so neither package depends on the other.
 */
public final class TaskVariables {

  /** The task's due date rests on a provisional holiday year (Tasklist filter 期限暂定的任务, task form). */
  public static final String DUE_DATE_PROVISIONAL = "dueDateProvisional";

  private TaskVariables() {}
}
