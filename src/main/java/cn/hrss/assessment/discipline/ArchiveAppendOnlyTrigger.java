package cn.hrss.assessment.discipline;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger of db/vendor/h2/V21: the disciplinary record (002 Annex 2 Art. 20) refuses UPDATE and DELETE.
 * Public with a no-argument constructor because H2 instantiates it by name.
 */
public class ArchiveAppendOnlyTrigger implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("discipline_archive is append-only (002 Annex 2 Art. 20): "
        + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
  }
}
