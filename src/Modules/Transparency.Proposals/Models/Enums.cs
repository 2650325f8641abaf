namespace Transparency.Proposals.Models;

/// <summary>人民代表大会 or 政治协商会议.</summary>
public enum SessionKind
{
    Npc,
    Cppcc,
}

/// <summary>建议 (by a deputy) or 提案 (by a CPPCC member).</summary>
public enum ProposalKind
{
    Suggestion,
    CppccProposal,
}

/// <summary>人大代表 or 政协委员.</summary>
public enum RepresentativeKind
{
    Deputy,
    Member,
}

/// <summary>The proposal lifecycle of PRODUCT.md §3.</summary>
public enum ProposalStatus
{
    Registered,
    Assigned,
    InProgress,
    Replied,
    FeedbackReceived,
    Closed,
    Rehandling,
    Withdrawn,
    Merged,
}

/// <summary>主办 / 协办 / 分办.</summary>
public enum HandlingRole
{
    Lead,
    Co,
    Split,
}

/// <summary>An assignment is active, returned by its unit (退办, awaiting 改办), or replaced by a reassignment.</summary>
public enum AssignmentStatus
{
    Active,
    Returned,
    Replaced,
}

public enum ExtensionStatus
{
    Requested,
    Approved,
    Declined,
}

/// <summary>面商 / 电话 / 走访 / 座谈.</summary>
public enum ConsultationMode
{
    FaceToFace,
    Phone,
    SiteVisit,
    Meeting,
}

/// <summary>办理前 / 办理中 / 办理后.</summary>
public enum ConsultationStage
{
    Before,
    During,
    After,
}

public enum CoOpinionStatus
{
    Draft,
    Submitted,
}
