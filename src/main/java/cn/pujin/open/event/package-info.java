/**
 * Events — open days and decision meetings — from draft to publication: editing, agenda items with materials and the
 * meeting's decision on each, review (先审查后公开), cancellation, campaigns (the open month), the published versions and
 * the public lists ({@code PublicEvents}), seats ({@code Seats}) and what other features ask of events
 * ({@code EventFacts}).
 * <p>Tables: event, agenda_item, agenda_item_material, campaign, event_publication, decision, material_file.
 * <p>Fires: EventPublished, EventCancelled, EventRescheduled (an approved change moved it in time or place),
 * AgendaItemRemoving (a feature referring to the item may refuse).
 * <p>Observes: ClusterBus.Changed (public lists changed elsewhere).
 */
package cn.pujin.open.event;
