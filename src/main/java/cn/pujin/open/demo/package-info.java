/**
 * The demo data of the run command: users, a department, events (one in the August open month), registrations and
 * suggestions in every state, created through the features' own services on an empty database.
 * <p>Tables: none.
 * <p>Fires: nothing.
 * <p>Observes: the application's start.
 */
package cn.pujin.open.demo;
