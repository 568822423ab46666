package org.borderwatch.common.problem;

import java.util.Locale;

/** Every kind of error the API answers with: a stable URN, an HTTP status and localized titles. */
public enum ProblemType {
    VALIDATION(400, "Request validation failed", "Yêu cầu không hợp lệ", "请求验证失败"),
    MALFORMED_BODY(400, "Malformed request body", "Nội dung yêu cầu sai định dạng", "请求体格式错误"),
    UNAUTHORIZED(401, "Authentication required", "Cần xác thực", "需要身份验证"),
    FORBIDDEN(403, "Not allowed", "Không được phép", "不允许"),
    NOT_FOUND(404, "Resource not found", "Không tìm thấy tài nguyên", "未找到资源"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "Phương thức không được phép", "不允许的方法"),
    NOT_ACCEPTABLE(406, "Not acceptable", "Không chấp nhận được", "无法接受"),
    CONFLICT(409, "Conflict with the current state", "Xung đột với trạng thái hiện tại", "与当前状态冲突"),
    GONE(410, "No longer available", "Không còn khả dụng", "已不再可用"),
    LENGTH_REQUIRED(411, "Content-Length required", "Cần tiêu đề Content-Length", "需要 Content-Length"),
    PRECONDITION_FAILED(412, "Version does not match", "Phiên bản không khớp", "版本不匹配"),
    PAYLOAD_TOO_LARGE(413, "Request body too large", "Nội dung yêu cầu quá lớn", "请求体过大"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "Kiểu nội dung không được hỗ trợ", "不支持的媒体类型"),
    RANGE_NOT_SATISFIABLE(416, "Range not satisfiable", "Phạm vi không hợp lệ", "范围无法满足"),
    PRECONDITION_REQUIRED(428, "If-Match required", "Cần tiêu đề If-Match", "需要 If-Match"),
    PURPOSE_REQUIRED(428, "Stated purpose required", "Cần nêu mục đích truy cập", "需要说明访问目的"),
    TOO_MANY_REQUESTS(429, "Too many requests", "Quá nhiều yêu cầu", "请求过多"),
    CHECKSUM_MISMATCH(460, "Checksum mismatch", "Mã băm không khớp", "校验和不匹配"),
    UNAVAILABLE(503, "Service temporarily unavailable", "Dịch vụ tạm thời không khả dụng", "服务暂时不可用"),
    INTERNAL(500, "Internal error", "Lỗi nội bộ", "内部错误");

    private final int status;
    private final String english;
    private final String vietnamese;
    private final String chinese;

    ProblemType(int status, String english, String vietnamese, String chinese) {
        this.status = status;
        this.english = english;
        this.vietnamese = vietnamese;
        this.chinese = chinese;
    }

    public int status() {
        return status;
    }

    public String urn() {
        return "urn:borderwatch:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title(Locale locale) {
        return switch (locale.getLanguage()) {
            case "vi" -> vietnamese;
            case "zh" -> chinese;
            default -> english;
        };
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
