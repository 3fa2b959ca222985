package cn.hrss.assessment.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Completes a task again when its first attempt met a concurrent change of the same process instance (a job of
 * the instance ran at the same moment, on this node or another node of the cluster) and the engine rolled the
 * completion back with {@link OptimisticLockingException}. Engine REST would answer that with 500 and the officer
 * would have to submit the form again; retrying is what the officer would do, since nothing of the first attempt
 * was kept.
 *
 * <p>Runs before the engine opens its transaction, and retries only a completion that is a transaction of its own:
 * inside a caller's Spring transaction or another command, the rolled-back state belongs to the caller.
 */
final class ConcurrentCompletionRetry extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentCompletionRetry.class);

  /** Attempts in all; a completion that loses this many races in a row is answered with the engine's error. */
  static final int ATTEMPTS = 3;

  @Override
  public <T> T execute(Command<T> command) {
    boolean retryable = (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
        && Context.getCommandContext() == null
        && !TransactionSynchronizationManager.isActualTransactionActive();
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException concurrentChange) {
        if (!retryable || attempt >= ATTEMPTS) {
          throw concurrentChange;
        }
        LOG.info("Task completion met a concurrent change of its process instance; attempt {} of {}", attempt + 1,
            ATTEMPTS);
      }
    }
  }
}
