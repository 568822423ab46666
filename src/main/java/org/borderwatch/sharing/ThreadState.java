package org.borderwatch.sharing;

/** How many requests for information in a share's thread are unanswered, and how many of those are past their due date. */
public record ThreadState(int open, int overdue) {

    public static final ThreadState EMPTY = new ThreadState(0, 0);
}
