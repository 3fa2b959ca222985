package cn.hrss.assessment.identity;

import java.util.Arrays;
import java.util.Set;

/** A user of Camunda identity who called the domain API, by HTTP Basic or by a webapp (Tasklist) session. */
public record Caller(String userId, Set<String> groups) {

  public Caller {
    groups = Set.copyOf(groups);
  }

  public boolean inAny(String... candidates) {
    return Arrays.stream(candidates).anyMatch(groups::contains);
  }
}
