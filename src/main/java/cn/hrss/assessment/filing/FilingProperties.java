package cn.hrss.assessment.filing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code assessment.filing.*}.
 *
 * @param storageDir where materials are stored (one folder per application)
 * @param maxFileSize largest accepted material file (larger → 413)
 * @param maxFiles most files per submission
 * @param panelSize experts drawn for a technical review (issue 3 item 3, default 3)
 * @param quotaPerOccupation social organisations per occupation per province above which the officer is warned
 *     (002 Annex 1 §二(四): "in principle no more than 3")
 * @param quotaEnforced refuse a social organisation's application at intake (409) when filed and pending ones of the
 *     accepting province reach the quota, and refuse its approval when filed ones do; {@code false}: only warn the
 *     officer (the test profile, whose shared database piles up sample organisations of one occupation)
 */
@ConfigurationProperties("assessment.filing")
public record FilingProperties(
    @DefaultValue("./data/materials") Path storageDir,
    @DefaultValue("20MB") DataSize maxFileSize,
    @DefaultValue("30") int maxFiles,
    @DefaultValue("3") int panelSize,
    @DefaultValue("3") int quotaPerOccupation,
    @DefaultValue("true") boolean quotaEnforced) {}
