package cn.hrss.assessment.notification;

import cn.hrss.assessment.identity.Caller;

/**
 * Whether an officer may see a case's notices; implemented by the features that own cases (the filing jurisdiction,
 * README "Jurisdiction"), so that this module needs none of them. A case no implementation knows is visible.
 */
public interface CaseVisibility {

  /** False when {@code caseRef} is a case of another jurisdiction than {@code caller}'s. */
  boolean visible(String caseRef, Caller caller);
}
