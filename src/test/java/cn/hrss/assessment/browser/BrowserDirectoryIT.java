package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public directory (名录查询) in a real browser finds an institution filed through the registry. */
@BrowserTest
class BrowserDirectoryIT {

  @Autowired InstitutionRegistry registry;

  @Test
  void findsAFiledInstitutionByName(Browser browser) {
    String name = "浏览器测试" + System.nanoTime() % 100000 + "职业技能培训学校";
    String first17 = String.format("91410100MB%07d", System.nanoTime() % 10_000_000);
    Institution filed = registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, name,
        first17 + CreditCodes.checkCharacter(first17), "41", "郑州市金水区测试路 1 号", "school@example.cn",
        "BROWSER-1", List.of(new OccupationScope("4-10-01-02", "保健按摩师", null, List.of(5, 4))), null));
    PublicPages pages = new PublicPages(browser);

    browser.open("/directory");
    browser.awaitText("名录");
    browser.screenshot("directory-empty-search");
    pages.searchDirectory(name, "41", null);
    browser.screenshot("directory-found");

    assertThat(pages.directoryRows()).singleElement().asString()
        .contains(name, filed.filingCode(), "河南省", "保健按摩师", "四级/中级工", filed.validUntil().toString());
  }
}
