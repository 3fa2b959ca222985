package cn.hrss.assessment.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.ChineseText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * What IdentitySetup puts in front of users is Chinese: the name and description of every Tasklist filter, the
 * labels of the variables the filters show on task cards, the group names shown in Tasklist and Admin.
 */
class IdentitySetupTextsTest {

  @Test
  void everyFilterGroupAndCardLabelIsChinese() {
    List<String> problems = new ArrayList<>();
    java.util.stream.Stream.concat(IdentitySetup.FILTERS.stream(), java.util.stream.Stream.of(IdentitySetup.PROVISIONAL_DUE_DATES)).forEach(filter -> {
      problems.add(ChineseText.describeProblem("filter " + filter.group(), filter.name()));
      problems.add(ChineseText.describeProblem("description of filter " + filter.name(), filter.description()));
    });
    IdentitySetup.CARD_VARIABLES.forEach(variable ->
        problems.add(ChineseText.describeProblem("card variable " + variable.get("name"), variable.get("label"))));
    IdentitySetup.GROUPS.forEach(group -> problems.add(ChineseText.describeProblem("group " + group.id(), group.name())));

    assertThat(IdentitySetup.FILTERS).isNotEmpty();
    assertThat(problems.stream().filter(Objects::nonNull).toList()).isEmpty();
  }

  @Test
  void everyWorkingGroupHasAFilter() {
    // A group without a filter would see an empty Tasklist (or Camunda's English default filter, were one created).
    assertThat(IdentitySetup.FILTERS).extracting(IdentitySetup.FilterSpec::group)
        .containsAll(IdentitySetup.GROUPS.stream().map(IdentitySetup.GroupSpec::id).toList());
  }
}
