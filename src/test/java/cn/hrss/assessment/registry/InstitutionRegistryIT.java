package cn.hrss.assessment.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.hrss.assessment.codes.FilingCode;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class InstitutionRegistryIT {

  @Autowired InstitutionRegistry registry;
  @Autowired JdbcTemplate jdbc;

  @Autowired Jobs jobs;

  @AfterEach
  void resetClock() {
    jobs.resetClock();
  }

  @Test
  void socialOrganisationGetsProvinceFiledCodeValidForThreeYears() {
    Institution org = registry.register(Samples.socialOrg("郑州测试职业培训学校", "41", "6-18-01-01"));

    FilingCode code = FilingCode.parse(org.filingCode());
    assertThat(code.category()).isEqualTo("S");
    assertThat(code.institutionCode()).isEqualTo("0000");
    assertThat(code.province()).isEqualTo("41");
    assertThat(org.status()).isEqualTo(InstitutionStatus.ACTIVE);
    assertThat(org.validUntil()).isEqualTo(org.filedOn().plusYears(3));
    assertThat(org.occupations()).singleElement().satisfies(o -> {
      assertThat(o.code()).isEqualTo("6-18-01-01");
      assertThat(o.levels()).containsExactly(3, 4);
    });
    assertThat(registry.statusHistory(org.filingCode())).singleElement()
        .satisfies(c -> assertThat(c.toStatus()).isEqualTo(InstitutionStatus.ACTIVE));
  }

  @Test
  void nationalEmployerGetsTheNextMinistryNumberAndItsBranchesShareIt() {
    Institution employer = registry.register(Samples.nationalEmployer("中国测试集团有限公司"));
    Institution second = registry.register(Samples.nationalEmployer("中国第二测试集团有限公司"));
    Institution zhejiang = registry.register(Samples.branch("中国测试集团浙江分公司", "33", employer.filingCode()));
    Institution henan = registry.register(Samples.branch("中国测试集团河南分公司", "41", employer.filingCode()));

    FilingCode employerCode = FilingCode.parse(employer.filingCode());
    assertThat(employerCode.category()).isEqualTo("Y");
    assertThat(employerCode.ministryFiled()).isTrue();
    assertThat(employerCode.province()).isEqualTo("11");
    assertThat(Integer.parseInt(FilingCode.parse(second.filingCode()).institutionCode()))
        .isEqualTo(Integer.parseInt(employerCode.institutionCode()) + 1);
    assertThat(zhejiang.filingCode()).startsWith("Y" + employerCode.institutionCode() + "33");
    assertThat(henan.filingCode()).startsWith("Y" + employerCode.institutionCode() + "41");
    assertThat(registry.branchesOf(employer.filingCode())).extracting(Institution::filingCode)
        .containsExactlyInAnyOrder(zhejiang.filingCode(), henan.filingCode());
    assertThat(henan.parentFilingCode()).isEqualTo(employer.filingCode());
  }

  @Test
  void branchesOnlyUnderAFiledNationalEmployer() {
    Institution org = registry.register(Samples.socialOrg("不能有分支机构的组织", "41", "6-18-01-01"));
    assertThatThrownBy(() -> registry.register(Samples.branch("某分支", "33", org.filingCode())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> registry.register(Samples.branch("某分支", "33", "Y999871999999")))
        .isInstanceOf(InstitutionNotFoundException.class);
  }

  @Test
  void concurrentFilingsGetDistinctSequentialCodes() throws Exception {
    long ministryBefore = next("MINISTRY-Y");
    long henanBefore = next("SITE-41");
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> codes = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        boolean employers = t % 2 == 0;
        Callable<Void> task = () -> {
          for (int i = 0; i < perThread; i++) {
            Institution inst = employers
                ? registry.register(withProvince(Samples.nationalEmployer("并发测试集团"), "41"))
                : registry.register(Samples.socialOrg("并发测试组织", "41", "6-18-01-01"));
            codes.add(inst.filingCode());
          }
          return null;
        };
        futures.add(pool.submit(task));
      }
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(codes).hasSize(threads * perThread).doesNotHaveDuplicates();
    Set<Long> siteSerials = new HashSet<>();
    Set<Long> ministryNumbers = new HashSet<>();
    for (String code : codes) {
      FilingCode fc = FilingCode.parse(code);
      siteSerials.add(Long.parseLong(fc.siteSerial()));
      if (fc.ministryFiled()) {
        ministryNumbers.add(Long.parseLong(fc.institutionCode()));
      }
    }
    // No failure, so no gap: exactly the next 200 serials of 河南 and the next 100 ministry numbers.
    assertThat(siteSerials).hasSize(200).allMatch(s -> s >= henanBefore && s < henanBefore + 200);
    assertThat(ministryNumbers).hasSize(100).allMatch(n -> n >= ministryBefore && n < ministryBefore + 100);
    assertThat(next("SITE-41")).isEqualTo(henanBefore + 200);
  }

  @Test
  void aTerminatedInstitutionsCodeIsRetiredAndNeverIssuedAgain() {
    Institution org = registry.register(Samples.socialOrg("将被终止的组织", "42", "6-18-01-01"));
    registry.terminate(org.filingCode(), "002 附件2 第十四条（一）：备案材料虚假");

    assertThat(registry.isRetired(org.filingCode())).isTrue();
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.TERMINATED);
    assertThat(registry.statusHistory(org.filingCode())).extracting(StatusChange::toStatus)
        .containsExactly(InstitutionStatus.ACTIVE, InstitutionStatus.TERMINATED);
    assertThat(registry.register(Samples.socialOrg("后来的组织", "42", "6-18-01-01")).filingCode())
        .isNotEqualTo(org.filingCode());
    assertThatThrownBy(() -> jdbc.update("INSERT INTO registry_issued_code (filing_code, issued_at) VALUES (?, CURRENT_TIMESTAMP)",
        org.filingCode())).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aCodeAlreadyInTheRetiredStoreIsSkipped() {
    long next = next("SITE-43");
    String retired = String.format("S000043%06d", next);
    jdbc.update("INSERT INTO registry_retired_code (filing_code, retired_at, reason) VALUES (?, CURRENT_TIMESTAMP, ?)",
        retired, "历史数据：站点撤销");

    Institution org = registry.register(Samples.socialOrg("湖南测试组织", "43", "6-18-01-01"));

    assertThat(org.filingCode()).isEqualTo(String.format("S000043%06d", next + 1));
    assertThat(registry.isTaken(retired)).isTrue();
  }

  @Test
  void terminatingAnEmployerTerminatesAndRetiresItsBranches() {
    Institution employer = registry.register(Samples.nationalEmployer("将被终止的集团"));
    Institution branch = registry.register(Samples.branch("将被终止的集团江苏分公司", "32", employer.filingCode()));

    registry.terminate(employer.filingCode(), "002 附件2 第十四条（四）：组织作弊");

    assertThat(registry.findByFilingCode(branch.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.TERMINATED);
    assertThat(registry.isRetired(branch.filingCode())).isTrue();
    assertThatThrownBy(() -> registry.register(Samples.branch("新分公司", "32", employer.filingCode())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void suspensionAndReinstatementAreRecordedWithReasons() {
    Institution org = registry.register(Samples.socialOrg("被暂停的组织", "44", "6-18-01-01"));
    LocalDate deadline = org.filedOn().plusMonths(3);

    registry.suspend(org.filingCode(), deadline, "002 附件2 第十三条（四）：承诺“包过”");
    Institution suspended = registry.findByFilingCode(org.filingCode()).orElseThrow();
    assertThat(suspended.status()).isEqualTo(InstitutionStatus.SUSPENDED);
    assertThat(suspended.rectificationDeadline()).isEqualTo(deadline);
    assertThatThrownBy(() -> registry.suspend(org.filingCode(), deadline, "再次暂停"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("暂停");

    registry.reinstate(org.filingCode(), "整改验收合格");
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);
    assertThat(registry.statusHistory(org.filingCode()))
        .extracting(StatusChange::toStatus, StatusChange::reason)
        .containsExactly(
            tuple(InstitutionStatus.ACTIVE, "备案申请 " + org.applicationNo()),
            tuple(InstitutionStatus.SUSPENDED, "002 附件2 第十三条（四）：承诺“包过”"),
            tuple(InstitutionStatus.ACTIVE, "整改验收合格"));
    assertThatThrownBy(() -> registry.reinstate("S000044999999", "无此机构"))
        .isInstanceOf(InstitutionNotFoundException.class);
  }

  @Test
  void aFilingExpiresAfterThreeYears() {
    Institution org = registry.register(Samples.socialOrg("将过期的组织", "45", "6-18-01-01"));

    moveClockTo(org.validUntil());
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);
    moveClockTo(org.validUntil().plusDays(1));
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.EXPIRED);
    assertThat(registry.directory(new DirectoryQuery("45", null, "将过期的组织", false)))
        .singleElement().satisfies(e -> assertThat(e.institution().status()).isEqualTo(InstitutionStatus.EXPIRED));
    assertThat(registry.countActiveSocialOrgs("45", "6-18-01-01")).isZero();
  }

  @Test
  void renewalAddsThreeYearsBeforeExpiryOnly() {
    Institution org = registry.register(Samples.socialOrg("续期的组织", "50", "6-18-01-01"));

    Institution renewed = registry.renew(org.filingCode(), "004 第二十三条：续期评估通过");
    assertThat(renewed.validUntil()).isEqualTo(org.validUntil().plusYears(3));
    assertThat(registry.statusHistory(org.filingCode())).last()
        .satisfies(c -> assertThat(c.reason()).startsWith("004 第二十三条：续期评估通过"));

    moveClockTo(renewed.validUntil().plusDays(1));
    assertThatThrownBy(() -> registry.renew(org.filingCode(), "过期后续期"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("已过期");
  }

  @Test
  void countsSocialOrganisationsInForceForTheQuota() {
    String occupation = "4-07-05-04";
    assertThat(registry.countActiveSocialOrgs("46", occupation)).isZero();
    registry.register(Samples.socialOrg("海南甲", "46", occupation));
    Institution second = registry.register(Samples.socialOrg("海南乙", "46", occupation));
    registry.register(Samples.socialOrg("广东丙", "44", occupation));
    registry.register(Samples.socialOrg("海南丁（其他职业）", "46", "6-18-01-01"));
    assertThat(registry.countActiveSocialOrgs("46", occupation)).isEqualTo(2);

    registry.terminate(second.filingCode(), "自愿终止（004 第二十四条）");
    assertThat(registry.countActiveSocialOrgs("46", occupation)).isEqualTo(1);
  }

  @Test
  void refusesInvalidData() {
    NewInstitution bad = new NewInstitution(InstitutionType.SOCIAL_ORG, " ", "91350100M000100Y44", "99", null, null, null,
        List.of(new OccupationScope("6-18-01", "车工", null, List.of(6))), null);
    assertThatThrownBy(() -> registry.register(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("缺少机构名称")
        .hasMessageContaining("统一社会信用代码无效")
        .hasMessageContaining("省级代码无效")
        .hasMessageContaining("d-dd-dd-dd")
        .hasMessageContaining("1-5");
  }

  @Test
  void ministryNumbersEndAt9999() {
    long saved = next("MINISTRY-Y");
    try {
      jdbc.update("UPDATE registry_code_sequence SET next_value = 9999 WHERE name = 'MINISTRY-Y'");
      Institution last = registry.register(Samples.nationalEmployer("第 9999 家"));
      assertThat(last.filingCode()).startsWith("Y999911");

      assertThatThrownBy(() -> registry.register(Samples.nationalEmployer("第 10000 家")))
          .isInstanceOf(CodeSpaceExhaustedException.class)
          .hasMessageContaining("0001-9999")
          .hasMessageContaining("已用尽");
      assertThat(next("MINISTRY-Y")).isEqualTo(10000);
    } finally {
      // Test only: give the other tests of this database their range back (9999 stays issued).
      jdbc.update("UPDATE registry_code_sequence SET next_value = ? WHERE name = 'MINISTRY-Y'", saved);
    }
  }

  @Test
  void socialOrganisationFiledWithTheMinistryGetsS0001To9999AndMayHaveSites() {
    // 001 人社鉴发〔2019〕2号 Annex 1 §二(二): filed first with the ministry → its number 0001-9999 in order.
    NewInstitution national = Samples.socialOrg("全国性测试职业技能评价中心", "11", "6-18-01-01");
    Institution first = registry.register(ministryFiled(national));
    Institution second = registry.register(ministryFiled(Samples.socialOrg("全国性第二测试评价中心", "11", "6-18-01-01")));
    FilingCode code = FilingCode.parse(first.filingCode());
    assertThat(code.category()).isEqualTo("S");
    assertThat(code.ministryFiled()).isTrue();
    assertThat(Integer.parseInt(FilingCode.parse(second.filingCode()).institutionCode()))
        .isEqualTo(Integer.parseInt(code.institutionCode()) + 1);

    // 表 2 note: the ministry-filed organisation's assessment sites (考核站点), each with its own province's serial.
    Institution site = registry.register(Samples.site("全国性测试职业技能评价中心浙江站点", "33", first.filingCode()));
    assertThat(site.filingCode()).startsWith("S" + code.institutionCode() + "33");
    assertThat(site.parentFilingCode()).isEqualTo(first.filingCode());
    assertThat(registry.branchesOf(first.filingCode())).extracting(Institution::filingCode)
        .containsExactly(site.filingCode());
    // No site of a site, and a national employer's branch is no site of an organisation.
    assertThatThrownBy(() -> registry.register(Samples.site("站点的站点", "41", site.filingCode())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> registry.register(Samples.branch("用人单位分支", "41", first.filingCode())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ministryNumbersOfSocialOrganisationsEndAt9999() {
    long saved = next("MINISTRY-S");
    try {
      jdbc.update("UPDATE registry_code_sequence SET next_value = 9999 WHERE name = 'MINISTRY-S'");
      Institution last = registry.register(ministryFiled(Samples.socialOrg("第 9999 家组织", "11", "6-18-01-01")));
      assertThat(last.filingCode()).startsWith("S999911");
      assertThatThrownBy(() -> registry.register(ministryFiled(Samples.socialOrg("第 10000 家组织", "11", "6-18-01-01"))))
          .isInstanceOf(CodeSpaceExhaustedException.class)
          .hasMessageContaining("0001-9999");
      // A province-filed organisation is not affected: 0000.
      assertThat(registry.register(Samples.socialOrg("省级备案组织", "41", "6-18-01-01")).filingCode()).startsWith("S000041");
    } finally {
      // Test only: give the other tests of this database their range back (9999 stays issued).
      jdbc.update("UPDATE registry_code_sequence SET next_value = ? WHERE name = 'MINISTRY-S'", saved);
    }
  }

  @Test
  void siteSerialsComeFromTheSitesProvince() {
    // 人社鉴发〔2019〕2号 Annex 1 §二(四): positions 8-13 "由…参保地省级人力资源社会保障部门…赋码": one counter per province.
    long zhejiang = next("SITE-33");
    long henan = next("SITE-41");
    Institution a = registry.register(Samples.socialOrg("浙江省测试组织", "33", "6-18-01-01"));
    Institution b = registry.register(Samples.socialOrg("河南省测试组织", "41", "6-18-01-01"));
    assertThat(Long.parseLong(FilingCode.parse(a.filingCode()).siteSerial())).isGreaterThanOrEqualTo(zhejiang);
    assertThat(next("SITE-33")).isGreaterThan(zhejiang);
    assertThat(Long.parseLong(FilingCode.parse(b.filingCode()).siteSerial())).isGreaterThanOrEqualTo(henan);
    assertThat(next("SITE-41")).isGreaterThan(henan);
  }

  @Test
  void henanCityCodeInPositionsEightAndNineWithTheCitysSerial() {
    // 豫职鉴〔2020〕2号 Annex 1 §二(四)-(五): 8-9 city code (12 三门峡市), 10-13 the city's serial.
    long before = next("SITE-41-12");
    Institution org = registry.register(Samples.socialOrg("三门峡测试培训学校", "41", "6-18-01-01").withCityCode("12"));
    FilingCode code = FilingCode.parse(org.filingCode());
    assertThat(code.value()).startsWith("S00004112");
    assertThat(Long.parseLong(code.siteSerial().substring(2))).isGreaterThanOrEqualTo(before);
    assertThat(next("SITE-41-12")).isGreaterThan(before);
    Institution employer = registry.register(Samples.nationalEmployer("中国城市代码测试集团"));
    Institution branch = registry.register(
        Samples.branch("中国城市代码测试集团郑州分公司", "41", employer.filingCode()).withCityCode("01"));
    assertThat(branch.filingCode()).startsWith("Y" + FilingCode.parse(employer.filingCode()).institutionCode() + "4101");
  }

  @Test
  void cityCodeOutsideTheProvincesTableIsRefusedAndNothingStored() {
    NewInstitution wrongCity = Samples.socialOrg("错误市级代码组织", "41", "6-18-01-01").withCityCode("29");
    NewInstitution noTable = Samples.socialOrg("浙江市级代码组织", "33", "6-18-01-01").withCityCode("01");
    long henan = next("SITE-41");
    assertThatThrownBy(() -> registry.register(wrongCity)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("29");
    assertThatThrownBy(() -> registry.register(noTable)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("浙江省");
    assertThat(registry.findByCreditCode(wrongCity.creditCode())).isEmpty();
    assertThat(registry.findByCreditCode(noTable.creditCode())).isEmpty();
    assertThat(next("SITE-41")).isEqualTo(henan);
  }

  @Test
  void henanCitySerialsStopBefore9000() {
    long saved = next("SITE-41-28");
    try {
      jdbc.update("UPDATE registry_code_sequence SET next_value = 8999 WHERE name = 'SITE-41-28'");
      Institution last = registry.register(Samples.socialOrg("新蔡测试组织", "41", "6-18-01-01").withCityCode("28"));
      assertThat(last.filingCode()).endsWith("288999");
      assertThatThrownBy(() -> registry.register(Samples.socialOrg("新蔡第二组织", "41", "6-18-01-01").withCityCode("28")))
          .isInstanceOf(CodeSpaceExhaustedException.class)
          .hasMessageContaining("新蔡县");
    } finally {
      jdbc.update("UPDATE registry_code_sequence SET next_value = ? WHERE name = 'SITE-41-28'", saved);
    }
  }

  private static NewInstitution ministryFiled(NewInstitution n) {
    return new NewInstitution(n.type(), n.name(), n.creditCode(), n.province(), n.address(), n.contactEmail(),
        n.applicationNo(), n.occupations(), n.parentFilingCode(), true, n.cityCode());
  }

  private long next(String sequence) {
    return jdbc.queryForObject("SELECT next_value FROM registry_code_sequence WHERE name = ?", Long.class, sequence);
  }

  private static NewInstitution withProvince(NewInstitution n, String province) {
    return new NewInstitution(n.type(), n.name(), n.creditCode(), province, n.address(), n.contactEmail(),
        n.applicationNo(), n.occupations(), n.parentFilingCode());
  }

  private void moveClockTo(LocalDate date) {
    jobs.moveClockTo(date.atTime(12, 0));
  }
}
