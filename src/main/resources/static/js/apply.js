// The online application form (/apply, templates/public/apply.html). The form works without this script: the server
// checks everything again and rows are added by posting the form back. With it:
//  - only what the chosen institution type needs is shown (branches: national employers; their list of materials),
//    and hidden controls are disabled so they are not sent;
//  - unified social credit codes (GB 32100-2015) and occupation codes are checked as they are typed;
//  - an occupation picked from the catalogue fills code, name and track, and offers only its levels;
//  - rows are added and removed in place;
//  - a file over the size limit is named before anything is sent.
// Served from our own origin (CSP script-src 'self'); no inline script, no external library.
(function () {
  'use strict';

  var form = document.getElementById('apply-form');
  if (!form) {
    return;
  }

  // ---------------------------------------------------------------- institution type

  function chosenType() {
    var checked = form.querySelector('input[name="institutionType"]:checked');
    return checked ? checked.value : null;
  }

  function showForType() {
    var type = chosenType();
    form.querySelectorAll('[data-for-types]').forEach(function (part) {
      var types = part.getAttribute('data-for-types').split(' ');
      // Before a type is chosen, the employers' list is shown (as the server checks it) and branches are hidden.
      var shown = type ? types.indexOf(type) >= 0 : types.indexOf('NATIONAL_EMPLOYER') >= 0 && part.id !== 's-branches';
      part.hidden = !shown;
      part.querySelectorAll('input, select, textarea, button').forEach(function (control) {
        control.disabled = !shown;
      });
    });
  }

  form.querySelectorAll('input[name="institutionType"]').forEach(function (radio) {
    radio.addEventListener('change', showForType);
  });

  // ---------------------------------------------------------------- checks as you type

  // GB 32100-2015: 18 characters from this set; the 18th is the check character over the first 17.
  var CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  function creditCodeProblem(code) {
    if (code.length === 0) {
      return null;
    }
    for (var i = 0; i < code.length; i++) {
      if (CHARSET.indexOf(code.charAt(i)) < 0) {
        return '第 ' + (i + 1) + ' 位“' + code.charAt(i) + '”不是统一社会信用代码允许的字符（不含 I、O、Z、S、V）';
      }
    }
    if (code.length !== 18) {
      return '应为 18 位，已输入 ' + code.length + ' 位';
    }
    var sum = 0;
    for (var j = 0; j < 17; j++) {
      sum += CHARSET.indexOf(code.charAt(j)) * WEIGHTS[j];
    }
    var check = CHARSET.charAt((31 - sum % 31) % 31);
    if (code.charAt(17) !== check) {
      return '校验码不符（按 GB 32100-2015 第 18 位应为 ' + check + '），请核对';
    }
    return '';
  }

  function occupationCodeProblem(code) {
    if (code.length === 0) {
      return null;
    }
    return /^[1-8]-\d{2}-\d{2}-\d{2}$/.test(code) ? '' : '职业编码格式应为 d-dd-dd-dd，例如 6-18-01-01';
  }

  function hintFor(input) {
    return document.getElementById('h-' + input.id);
  }

  function check(input) {
    var hint = hintFor(input);
    if (!hint) {
      return;
    }
    var kind = input.getAttribute('data-check');
    var value = input.value.trim();
    if (kind === 'credit-code') {
      value = value.toUpperCase();
    }
    var problem = kind === 'credit-code' ? creditCodeProblem(value) : occupationCodeProblem(value);
    hint.classList.remove('bad', 'good');
    if (problem === null) {
      hint.textContent = '';
    } else if (problem === '') {
      hint.textContent = kind === 'credit-code' ? '✓ 校验码正确' : '✓ 格式正确';
      hint.classList.add('good');
    } else {
      hint.textContent = problem;
      hint.classList.add('bad');
    }
  }

  form.addEventListener('input', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-check')) {
      check(event.target);
    }
  });

  // ---------------------------------------------------------------- occupation catalogue

  function applyCatalogue(select) {
    var row = select.closest('[data-row]');
    var option = select.options[select.selectedIndex];
    var levels = row.querySelectorAll('fieldset.levels input[type="checkbox"]');
    if (!option || !option.value) {
      levels.forEach(function (box) { box.disabled = false; });
      return;
    }
    var allowed = option.getAttribute('data-levels').split(',');
    setField(row, 'code', option.getAttribute('data-code'));
    setField(row, 'name', option.getAttribute('data-name'));
    setField(row, 'track', option.getAttribute('data-track'));
    levels.forEach(function (box) {
      var ok = allowed.indexOf(box.value) >= 0;
      box.disabled = !ok;
      if (!ok) {
        box.checked = false;
      }
    });
  }

  function setField(row, part, value) {
    var input = row.querySelector('input[name$="].' + part + '"]');
    if (input) {
      input.value = value || '';
      if (input.hasAttribute('data-check')) {
        check(input);
      }
    }
  }

  form.addEventListener('change', function (event) {
    if (event.target.hasAttribute('data-catalogue')) {
      applyCatalogue(event.target);
    } else if (event.target.type === 'file') {
      checkFile(event.target);
    }
  });

  // ---------------------------------------------------------------- rows

  var next = { occupation: form.querySelectorAll('[data-row="occupation"]').length,
               branch: form.querySelectorAll('[data-row="branch"]').length };

  form.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button) {
      return;
    }
    if (button.hasAttribute('data-add-row')) {
      event.preventDefault();
      addRow(button.getAttribute('data-add-row'));
    } else if (button.hasAttribute('data-remove-row')) {
      event.preventDefault();
      removeRow(button.closest('[data-row]'));
    }
  });

  function addRow(kind) {
    var template = document.getElementById(kind + '-template');
    var index = next[kind]++;
    var html = template.innerHTML.split('ROWINDEX').join(String(index));
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    var number = document.querySelectorAll('#' + kind + '-rows [data-row]').length + 1;
    var legend = row.querySelector('legend');
    legend.textContent = legend.textContent.trim() + ' ' + number;
    var remove = row.querySelector('[data-remove-row]');
    remove.setAttribute('aria-label', remove.getAttribute('aria-label').trim() + ' ' + number);
    document.getElementById(kind + '-rows').appendChild(row);
    var first = row.querySelector('select, input');
    if (first) {
      first.focus();
    }
  }

  function removeRow(row) {
    var kind = row.getAttribute('data-row');
    var rows = document.getElementById(kind + '-rows');
    var add = form.querySelector('[data-add-row="' + kind + '"]');
    row.remove();
    if (kind === 'occupation' && rows.querySelectorAll('[data-row]').length === 0) {
      addRow('occupation');
      return;
    }
    add.focus();
  }

  // ---------------------------------------------------------------- file sizes

  var maxFile = Number(form.getAttribute('data-max-file-bytes'));
  var maxFileMb = form.getAttribute('data-max-file-megabytes');
  var maxRequest = Number(form.getAttribute('data-max-request-bytes'));
  var maxRequestMb = form.getAttribute('data-max-request-megabytes');

  function checkFile(input) {
    var hint = hintFor(input);
    if (!hint) {
      return true;
    }
    hint.classList.remove('bad', 'good');
    hint.textContent = '';
    if (input.files.length === 0) {
      return true;
    }
    var file = input.files[0];
    if (file.size > maxFile) {
      hint.textContent = '文件“' + file.name + '”超过 ' + maxFileMb + ' MB，请压缩或拆分后重新选择';
      hint.classList.add('bad');
      return false;
    }
    hint.textContent = '已选择：' + file.name + '（' + Math.max(1, Math.round(file.size / 1024)) + ' KB）';
    return true;
  }

  form.addEventListener('submit', function (event) {
    if (event.submitter && event.submitter.hasAttribute('formnovalidate')) {
      return;
    }
    var total = 0;
    var firstBad = null;
    form.querySelectorAll('input[type="file"]:not(:disabled)').forEach(function (input) {
      if (!checkFile(input) && !firstBad) {
        firstBad = input;
      }
      if (input.files.length > 0) {
        total += input.files[0].size;
      }
    });
    if (!firstBad && total > maxRequest) {
      firstBad = form.querySelector('input[type="file"]:not(:disabled)');
      var hint = document.getElementById('materials-hint');
      hint.textContent = '所选文件合计超过 ' + maxRequestMb + ' MB，无法一次提交，请压缩后重新选择';
      hint.classList.add('field-error');
    }
    if (firstBad) {
      event.preventDefault();
      firstBad.focus();
    }
  });

  // ---------------------------------------------------------------- start

  showForType();
  form.querySelectorAll('[data-check]').forEach(function (input) {
    if (input.value) {
      check(input);
    }
  });
  form.querySelectorAll('[data-catalogue]').forEach(function (select) {
    if (select.value) {
      var row = select.closest('[data-row]');
      var option = select.options[select.selectedIndex];
      var allowed = option.getAttribute('data-levels').split(',');
      row.querySelectorAll('fieldset.levels input[type="checkbox"]').forEach(function (box) {
        box.disabled = allowed.indexOf(box.value) < 0;
      });
    }
  });
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
}());
