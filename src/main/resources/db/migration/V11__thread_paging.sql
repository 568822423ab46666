-- Whether a request for information is answered is asked per page of the thread and per page of shares: by index.
create index share_message_answers on share_message (answers) where answers is not null;
