/*
 * Welcome (首页) configuration of this application. This file replaces the webjar's own
 * app/welcome/scripts/config.js: src/main/resources comes before the camunda-webapp-webjar jar on the classpath,
 * and the starter serves the webapps from classpath:/META-INF/resources/webjars/camunda (checked by
 * cn.hrss.assessment.web.WebappLocalizationIT).
 *
 * Locale: Simplified Chinese (locales/zh.json, written for this project) unless the browser's first language
 * is English; any other browser language also gets Chinese (fallbackLocale). Keys zh.json does not translate
 * carry the English text, so nothing ever shows a raw translation key.
 */
export default {
  app: {
    name: '评价机构备案与违纪处理',
    vendor: '人力资源社会保障部门'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
