package cn.hrss.assessment.registry;

import java.util.List;

/** One page of the directory and the number of entries (top-level institutions) of the whole result. */
public record DirectoryPage(List<DirectoryEntry> entries, long total) {
  public DirectoryPage {
    entries = List.copyOf(entries);
  }
}
