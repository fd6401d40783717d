package dev.slipway.core.approval;

/** Where an approval request is; only OPEN requests accept decisions. */
public enum ApprovalState {
    OPEN,
    APPROVED,
    REJECTED,
    EXPIRED
}
