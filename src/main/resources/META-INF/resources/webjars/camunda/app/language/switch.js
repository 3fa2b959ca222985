/*
 * 中文 / English switch in the user menu of Welcome, Tasklist, Cockpit and Admin (loaded by each app's
 * scripts/config.js as a custom script, before the app starts).
 *
 * The webapps pick their locale from the browser's first language (zh.json unless it is English, see
 * config.js) and offer no menu for it. This module lets a user choose: the choice is kept in localStorage
 * and, on the next start of any of the apps, reported as the browser language, which is what the apps read.
 */
const KEY = 'assessment.webapp.language';
const chosen = window.localStorage.getItem(KEY);

if (chosen === 'zh' || chosen === 'en') {
  Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => [chosen] });
  Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => chosen });
}

const browserLanguage = ((window.navigator.languages && window.navigator.languages[0]) || window.navigator.language || '');
const current = browserLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh';
const other = current === 'en' ? 'zh' : 'en';
// Each label is written in the language it switches to, so that a user who cannot read the current one finds it.
const label = other === 'en' ? 'English' : '中文';

function addMenuItem() {
  document.querySelectorAll('li.account ul.dropdown-menu').forEach((menu) => {
    if (menu.querySelector('li.assessment-language')) {
      return;
    }
    const item = document.createElement('li');
    item.className = 'assessment-language';
    const link = document.createElement('a');
    link.href = '';
    link.lang = other;
    link.textContent = label;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      window.localStorage.setItem(KEY, other);
      window.location.reload();
    });
    item.appendChild(link);
    const divider = document.createElement('li');
    divider.className = 'divider assessment-language-divider';
    const logout = menu.querySelector('li.logout');
    menu.insertBefore(item, logout);
    menu.insertBefore(divider, logout);
  });
}

new MutationObserver(addMenuItem).observe(document.documentElement, { childList: true, subtree: true });
