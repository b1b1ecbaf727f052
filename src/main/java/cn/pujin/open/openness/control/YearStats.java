package cn.pujin.open.openness.control;

import cn.pujin.open.message.control.MessageFigures;
import java.util.List;
import java.util.Map;

/**
 * The openness figures of one year, all computed from the data: events held (published, not cancelled, by their
 * start in Shanghai time), who took part, what was said and what came of it, and the year's decision catalogue (public
 * items, withdrawn ones, items by published step) and its consultations (held, comments, published answers, adopted
 * in whole or part and the adoption rate) and the message board's (received, acknowledged on time, answered within five
 * working days, average rating; by month and by department). Rates are percentages with one
 * decimal; a year without data has zeros.
 */
public record YearStats(int year, int events, List<Integer> eventsByMonth, Map<String, Integer> eventsByKind,
                        Map<String, Integer> eventsByMode, long registrations, long confirmed, long attended,
                        double attendanceRate, Map<String, Long> representativesByCategory, long suggestionsReceived,
                        long suggestionsAnswered, long answeredOnTime, double onTimeRate, long answersPublished,
                        Map<String, Long> adoptionByOutcome, double adoptionRate, long ratings,
                        double averageSatisfaction, long majorDecisions, long majorDecisionsWithdrawn,
                        Map<String, Long> majorDecisionsByStep, long consultations, long consultationComments,
                        long consultationAnswers, long consultationAdopted, double consultationAdoptionRate,
                        long messagesReceived, double messageAcknowledgedOnTimeRate, double messageAnsweredOnTimeRate,
                        double messageAverageRating, List<MessageFigures.Row> messagesByMonth,
                        List<MessageFigures.Row> messagesByDepartment) {}
