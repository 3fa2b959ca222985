package cn.hrss.assessment.registry;

import java.util.List;

/** An employer or organisation in the directory with the branches listed under it. */
public record DirectoryEntry(Institution institution, List<Institution> branches) {
  public DirectoryEntry {
    branches = List.copyOf(branches);
  }
}
