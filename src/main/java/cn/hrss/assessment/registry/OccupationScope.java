package cn.hrss.assessment.registry;

import java.util.List;

/**
 * One occupation (工种) an institution may assess, with its skill levels 1-5.
 *
 * @param code occupation code {@code d-dd-dd-dd}
 * @param name occupation name (职业名称)
 * @param track work type (工种), may be null
 * @param levels skill levels 1 (高级技师) … 5 (初级工)
 */
public record OccupationScope(String code, String name, String track, List<Integer> levels) {
  public OccupationScope {
    levels = levels == null ? List.of() : levels.stream().sorted().distinct().toList();
  }
}
