/**
 * Documents as PDF: an HTML page (a rendered Thymeleaf template: a receipt, a letter) becomes a PDF with the CJK font
 * embedded, so its Chinese text is real text (searchable, copyable, printable anywhere). The bottom layer beside
 * {@code codes}: it depends on no other package of the application; {@code notification}, {@code filing} and
 * {@code lifecycle} use it.
 */
package cn.hrss.assessment.documents;
