package cn.hrss.assessment.calendar;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.calendar.*}.
 *
 * <p>Public: other features that turn instants into calendar days (notice deadlines, registry dates) inject it
 * so that the whole application counts days in one configured zone.
 *
 * @param zone the zone in which days are counted (the regulations count in Beijing time)
 * @param overrideFile optional path of the YAML override file adding or correcting years; {@code classpath:}
 *     prefix allowed (tests)
 */
@ConfigurationProperties("assessment.calendar")
public record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, String overrideFile) {
}
