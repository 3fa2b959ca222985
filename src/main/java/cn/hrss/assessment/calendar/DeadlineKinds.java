package cn.hrss.assessment.calendar;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/** The deadline kinds the features declared (beans of {@link DeadlineKind}), by name; read at first use. */
class DeadlineKinds {

  private final ObjectProvider<DeadlineKind> beans;
  private volatile Map<String, DeadlineKind> byName;

  DeadlineKinds(ObjectProvider<DeadlineKind> beans) {
    this.beans = beans;
  }

  DeadlineKind require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "Unknown deadline kind '" + name + "': declare a DeadlineKind bean of that name (known: " + all().keySet() + ")"));
  }

  Optional<DeadlineKind> find(String name) {
    return Optional.ofNullable(all().get(name));
  }

  private Map<String, DeadlineKind> all() {
    Map<String, DeadlineKind> known = byName;
    if (known == null) {
      known = beans.orderedStream().collect(Collectors.toUnmodifiableMap(DeadlineKind::name, Function.identity()));
      byName = known;
    }
    return known;
  }
}
