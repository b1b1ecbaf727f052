/**
 * The message board (政策留言板): questions, suggestions and complaints acknowledged the working day they are received
 * and answered within five working days through the one citizen-input workflow ({@code MessageSource}), public with the
 * author masked or for the author only; topics (of {@code participation}) tag them; similar answered messages and FAQ
 * entries are found by words (Lucene smartcn, an in-memory index rebuilt from the database); common questions (FAQ)
 * per topic made from answered messages; topic investigations (专题调查) proposed when messages on a topic pile up and
 * published with their conclusion; the board's figures by month and department.
 * <p>Tables: message, message_topic, message_attachment, faq, faq_message, investigation, investigation_message.
 * <p>Fires: nothing (notices and mails go through notification).
 * <p>Observes: AccountDeleted (a person's private and unanswered messages go, public answered ones stay by nobody).
 * Reads topics and consultations through the participation feature ({@code Topics}, {@code Consultations}).
 */
package cn.pujin.open.message;
