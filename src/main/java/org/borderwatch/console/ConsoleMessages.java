package org.borderwatch.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's words in English; Vietnamese and Chinese are in messages/msg_vi.properties and msg_zh.properties. */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Acknowledge receipt")
    String acknowledge();

    @Message("Acknowledged")
    String acknowledged();

    @Message("Receipt acknowledged; the sender sees it.")
    String acknowledged_notice();

    @Message("Action")
    String action();

    @Message("Actions")
    String actions();

    @Message("Actor (subject)")
    String actor();

    @Message("Agencies")
    String agencies();

    @Message("Agency")
    String agency();

    @Message("Sharing agreements")
    String agreements();

    @Message("answered")
    String answered();

    @Message("Answers the request (for a response)")
    String answers_request();

    @Message("Any")
    String any();

    @Message("Apply")
    String apply();

    @Message("Releases held for a second supervisor (four-eyes). You cannot approve your own.")
    String approvals_intro();

    @Message("Approve")
    String approve();

    @Message("approved by")
    String approved_by();

    @Message("Area (lon,lat,lon,lat)")
    String area();

    @Message("Access log, newest first")
    String audit_caption();

    @Message("Pages follow a cursor; no totals are counted, so each page is fast on millions of events.")
    String audit_help();

    @Message("Access log")
    String audit_title();

    @Message("Back to the console")
    String back_to_console();

    @Message("Border gate")
    String border_gate();

    @Message("Case")
    String case_title();

    @Message("The agency's cases")
    String cases_caption();

    @Message("Categories")
    String categories();

    @Message("Category")
    String category();

    @Message("The log does not verify")
    String chain_broken();

    @Message("First bad position")
    String chain_broken_at();

    @Message("Recomputes the hash chain and checks the signed checkpoints and the witness copies (at most 100,000 positions per run).")
    String chain_intro();

    @Message("The log verifies")
    String chain_ok();

    @Message("Every event is in place, unchanged and in order, positions")
    String chain_ok_detail();

    @Message("Verify the access log")
    String chain_title();

    @Message("Change the release")
    String change_release();

    @Message("Client address")
    String client_address();

    @Message("Code")
    String code();

    @Message("Conditions (required for H3)")
    String conditions();

    @Message("Release exactly this")
    String confirm_release();

    @Message("Count")
    String count();

    @Message("Country")
    String country();

    @Message("Record the decision")
    String decide();

    @Message("Decision")
    String decision();

    @Message("Reject")
    String decision_reject();

    @Message("Ask the officer")
    String decision_request_info();

    @Message("Verify")
    String decision_verify();

    @Message("Download")
    String download();

    @Message("Download the signed copy")
    String download_signed();

    @Message("due")
    String due();

    @Message("Due (for a request for information)")
    String due_for_rfi();

    @Message("Evidence")
    String evidence();

    @Message("Evidence to release (ids, comma-separated)")
    String evidence_ids();

    @Message("Exact location")
    String exact_location();

    @Message("Expires")
    String expires();

    @Message("Export as CSV")
    String export_csv();

    @Message("Export the log")
    String export_title();

    @Message("Field")
    String field();

    @Message("First position")
    String first_position();

    @Message("From")
    String from();

    @Message("From")
    String from_time();

    @Message("Goods")
    String goods();

    @Message("Grading")
    String grading();

    @Message("4x4 grading")
    String grading_4x4();

    @Message("Handling code")
    String handling_code();

    @Message("History")
    String history();

    @Message("Impact")
    String impact();

    @Message("Shares to your agency, newest first")
    String inbox_caption();

    @Message("The inbox changed: a share arrived, changed, was revoked or expired.")
    String inbox_changed();

    @Message("Nothing has been shared with your agency.")
    String inbox_empty();

    @Message("Inbox")
    String inbox_title();

    @Message("Information assessment")
    String information_assessment();

    @Message("Comment")
    String kind_comment();

    @Message("Response")
    String kind_response();

    @Message("Request for information")
    String kind_rfi();

    @Message("Language")
    String language();

    @Message("Last")
    String last();

    @Message("Last position")
    String last_position();

    @Message("Reports by area")
    String map_caption();

    @Message("Every report carries a position (the phone must send one), so every report of the window is on the map.")
    String map_positions();

    @Message("Map of reports")
    String map_title();

    @Message("Reports in this window")
    String map_total();

    @Message("marker")
    String marker();

    @Message("Highest code")
    String max_code();

    @Message("Menu")
    String menu();

    @Message("Message")
    String message_body();

    @Message("Kind")
    String message_kind();

    @Message("Message sent.")
    String message_sent();

    @Message("Narrative")
    String narrative();

    @Message("Agencies and agreements")
    String nav_admin();

    @Message("Approvals")
    String nav_approvals();

    @Message("Access log")
    String nav_audit();

    @Message("Cases")
    String nav_cases();

    @Message("Verify and export")
    String nav_chain();

    @Message("Inbox")
    String nav_inbox();

    @Message("Map")
    String nav_map();

    @Message("Outgoing shares")
    String nav_outgoing();

    @Message("Reports")
    String nav_queue();

    @Message("Signals")
    String nav_signals();

    @Message("This release goes beyond the redacted minimum or is H2/H3: it waits for a second supervisor before the partner sees anything.")
    String needs_approval();

    @Message("Record an agreement")
    String new_agreement();

    @Message("Newest first")
    String newest();

    @Message("Next page")
    String next_page();

    @Message("Your role has no console pages; officers report from the mobile app.")
    String no_console_role();

    @Message("None.")
    String none();

    @Message("Note")
    String note();

    @Message("Occurred")
    String occurred();

    @Message("Oldest first")
    String oldest();

    @Message("Open")
    String open();

    @Message("Open requests")
    String open_requests();

    @Message("Open a shared case")
    String open_share();

    @Message("Outcome")
    String outcome();

    @Message("Shares your agency made, newest first")
    String outgoing_caption();

    @Message("overdue")
    String overdue();

    @Message("Only with overdue requests")
    String overdue_only();

    @Message("Partner agency")
    String partner_agency();

    @Message("People")
    String people();

    @Message("Number plates and identifying numbers")
    String person_identifiers();

    @Message("Position")
    String position();

    @Message("Preview what the partner will see")
    String preview();

    @Message("Nothing has left yet. This is exactly what will be released to")
    String preview_intro();

    @Message("Release preview")
    String preview_title();

    @Message("The database contradicts a checkpoint that was witnessed: the log was rewritten after the witness copied it.")
    String problem_forked();

    @Message("An event of the chain is gone.")
    String problem_missing();

    @Message("An event was changed after it was sealed.")
    String problem_modified();

    @Message("Events were swapped or moved.")
    String problem_reordered();

    @Message("The tail after the last checkpoint is gone.")
    String problem_truncated();

    @Message("Purpose")
    String purpose();

    @Message("At least 10 characters; recorded in the access log with this read.")
    String purpose_help();

    @Message("Why do you need it?")
    String purpose_label();

    @Message("Question for the officer")
    String question();

    @Message("The agency's reports")
    String queue_caption();

    @Message("Reports to vet")
    String queue_title();

    @Message("Read")
    String read();

    @Message("Read the shared case")
    String read_share();

    @Message("acknowledged")
    String read_yes();

    @Message("Reason")
    String reason();

    @Message("Record the agreement")
    String record_agreement();

    @Message("What the release includes")
    String redaction_profile();

    @Message("Reference")
    String reference();

    @Message("Related reports")
    String related();

    @Message("Release to a partner")
    String release_case();

    @Message("Choose the partner, the handling code and what the release includes; the next page shows exactly what the partner will see.")
    String release_intro();

    @Message("Purpose of the release")
    String release_purpose();

    @Message("This release goes to the partner at once.")
    String released_at_once();

    @Message("What the partner sees, field by field")
    String released_fields();

    @Message("Report")
    String report_title();

    @Message("reports here")
    String reports_here();

    @Message("reports in the case")
    String reports_in_case();

    @Message("Reports of the case")
    String reports_of_case();

    @Message("Request id")
    String request_id();

    @Message("Requested by")
    String requested_by();

    @Message("Resource")
    String resource();

    @Message("Resource id (report, case, share …)")
    String resource_id();

    @Message("Type")
    String resource_type();

    @Message("Revoke")
    String revoke();

    @Message("Why access is cut (the partner sees it)")
    String revoke_reason();

    @Message("Revoked: the partner has lost access and sees the reason.")
    String revoked_notice();

    @Message("Search")
    String search();

    @Message("Words in the narrative")
    String search_narrative();

    @Message("Send")
    String send();

    @Message("Shared case")
    String share_title();

    @Message("Shared")
    String shared_at();

    @Message("Shares of the case")
    String shares_of_case();

    @Message("Show the photos")
    String show_photos();

    @Message("Sign in again")
    String sign_in_again();

    @Message("Sign out")
    String sign_out();

    @Message("Refused actors")
    String signals_denied();

    @Message("Heavy readers")
    String signals_heavy();

    @Message("Refusals without a valid token")
    String signals_unauthenticated();

    @Message("You are signed out")
    String signed_out();

    @Message("Skip to the content")
    String skip_to_content();

    @Message("Snapshot")
    String snapshot();

    @Message("Order")
    String sort();

    @Message("Source reliability")
    String source_reliability();

    @Message("Source and information grading")
    String sources();

    @Message("Status")
    String status();

    @Message("Summary")
    String summary();

    @Message("Switch")
    String switch_language();

    @Message("Messages and requests for information")
    String thread();

    @Message("No messages yet.")
    String thread_empty();

    @Message("Each photo shown is a recorded download, with this purpose.")
    String thumbnails_help();

    @Message("To")
    String to_time();

    @Message("not acknowledged")
    String unread();

    @Message("Updated")
    String updated();

    @Message("Valid")
    String valid();

    @Message("In force from")
    String valid_from();

    @Message("In force until")
    String valid_to();

    @Message("Value")
    String value();

    @Message("Vehicles")
    String vehicles();

    @Message("Verify")
    String verify();

    @Message("When")
    String when();

    @Message("Time window")
    String window();

    @Message("Your stated purpose")
    String your_purpose();

    @Message("via the federation from {origin}")
    String via_federation(String origin);

    @Message("Federation partners")
    String federation_partners();

    @Message("Installation")
    String installation();

    @Message("Last poll")
    String last_poll();

    @Message("Failed polls")
    String poll_failures();

    @Message("Not yet receipted")
    String not_receipted();

    @Message("Overdue recalls")
    String overdue_recalls();

    @Message("Checkpoints witnessed / cosigned")
    String witnessed_cosigned();

    @Message("Contradicted checkpoints")
    String contradictions();
}
