/*
 * Tasklist (任务列表) configuration of this application. This file replaces the webjar's own
 * app/tasklist/scripts/config.js: src/main/resources comes before the camunda-webapp-webjar jar on the classpath,
 * and the starter serves the webapps from classpath:/META-INF/resources/webjars/camunda (checked by
 * cn.hrss.assessment.web.WebappLocalizationIT).
 *
 * Locale: Simplified Chinese (locales/zh.json, written for this project) unless the browser's first language
 * is English; any other browser language also gets Chinese (fallbackLocale). Keys zh.json does not translate
 * carry the English text, so nothing ever shows a raw translation key.
 */
export default {
  app: {
    name: '评价机构备案与违纪处理 · 任务',
    vendor: '人力资源社会保障部门'
  },
  // moment formats; their Chinese shapes (YYYY年M月D日 HH:mm …) are the dateLocales of locales/zh.json.
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // The webjar's keyboard shortcuts (replacing config.js drops its defaults, so they are repeated here).
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到过滤器列表的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
