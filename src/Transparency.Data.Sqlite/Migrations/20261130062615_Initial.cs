using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transparency.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsHoliday = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "core_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals_categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals_representatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Delegation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_representatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals_sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReplyMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    CoOpinionMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    RehandlingMonths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recipes_executions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StepCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExecutedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExecutedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recipes_executions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settings_documents",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settings_documents", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "units_units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsInternal = table.Column<bool>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_units_units_units_units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "units_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "users_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals_proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_proposals_proposals_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "proposals_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposals_proposals_proposals_proposals_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "proposals_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposals_proposals_proposals_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "proposals_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_users_role_claims_users_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "users_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users_role_permissions",
                columns: table => new
                {
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    Permission = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_role_permissions", x => new { x.RoleId, x.Permission });
                    table.ForeignKey(
                        name: "FK_users_role_permissions_users_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "users_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_users_user_claims_users_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_users_user_logins_users_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users_user_roles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_users_user_roles_users_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "users_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_users_user_roles_users_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_users_user_tokens_users_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users_user_units",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users_user_units", x => new { x.UserId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_users_user_units_users_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposals_assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RuleDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplacesId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_assignments_proposals_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposals_consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_consultations_proposals_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposals_proposal_representatives",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_proposal_representatives", x => new { x.ProposalId, x.RepresentativeId });
                    table.ForeignKey(
                        name: "FK_proposals_proposal_representatives_proposals_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_proposals_proposal_representatives_proposals_representatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "proposals_representatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proposals_co_opinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_co_opinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_co_opinions_proposals_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "proposals_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposals_extensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals_extensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_extensions_proposals_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "proposals_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_Category_SubjectId",
                table: "audit_events",
                columns: new[] { "Category", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_OccurredUtc",
                table: "audit_events",
                column: "OccurredUtc");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_assignments_DueOn",
                table: "proposals_assignments",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_assignments_ProposalId",
                table: "proposals_assignments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_assignments_UnitId_Status",
                table: "proposals_assignments",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_categories_Name",
                table: "proposals_categories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_co_opinions_AssignmentId",
                table: "proposals_co_opinions",
                column: "AssignmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_consultations_ProposalId",
                table: "proposals_consultations",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_extensions_AssignmentId",
                table: "proposals_extensions",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_proposal_representatives_RepresentativeId",
                table: "proposals_proposal_representatives",
                column: "RepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_proposals_CategoryId",
                table: "proposals_proposals",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_proposals_MergedIntoId",
                table: "proposals_proposals",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_proposals_SessionId_Number",
                table: "proposals_proposals",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_proposals_Status",
                table: "proposals_proposals",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_representatives_Name",
                table: "proposals_representatives",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_sessions_Name",
                table: "proposals_sessions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recipes_executions_Name",
                table: "recipes_executions",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_units_units_Name",
                table: "units_units",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_units_ParentId",
                table: "units_units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_users_role_claims_RoleId",
                table: "users_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "users_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_user_claims_UserId",
                table: "users_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_users_user_logins_UserId",
                table: "users_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_users_user_roles_RoleId",
                table: "users_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_users_user_units_UnitId",
                table: "users_user_units",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users_users",
                column: "NormalizedUserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "core_data_protection_keys");

            migrationBuilder.DropTable(
                name: "proposals_co_opinions");

            migrationBuilder.DropTable(
                name: "proposals_consultations");

            migrationBuilder.DropTable(
                name: "proposals_extensions");

            migrationBuilder.DropTable(
                name: "proposals_proposal_representatives");

            migrationBuilder.DropTable(
                name: "recipes_executions");

            migrationBuilder.DropTable(
                name: "settings_documents");

            migrationBuilder.DropTable(
                name: "units_units");

            migrationBuilder.DropTable(
                name: "users_role_claims");

            migrationBuilder.DropTable(
                name: "users_role_permissions");

            migrationBuilder.DropTable(
                name: "users_user_claims");

            migrationBuilder.DropTable(
                name: "users_user_logins");

            migrationBuilder.DropTable(
                name: "users_user_roles");

            migrationBuilder.DropTable(
                name: "users_user_tokens");

            migrationBuilder.DropTable(
                name: "users_user_units");

            migrationBuilder.DropTable(
                name: "proposals_assignments");

            migrationBuilder.DropTable(
                name: "proposals_representatives");

            migrationBuilder.DropTable(
                name: "users_roles");

            migrationBuilder.DropTable(
                name: "users_users");

            migrationBuilder.DropTable(
                name: "proposals_proposals");

            migrationBuilder.DropTable(
                name: "proposals_categories");

            migrationBuilder.DropTable(
                name: "proposals_sessions");
        }
    }
}
