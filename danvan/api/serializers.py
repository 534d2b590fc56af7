"""What the API shows of each record. Field names are the code's (English); labels are Vietnamese and
go into the OpenAPI schema as descriptions."""

from __future__ import annotations

from rest_framework import serializers

from danvan.awards.models import Decision, Proposal, Recipient
from danvan.org.models import LineageEvent, Unit
from danvan.planning.models import Directive, KeyTask, Milestone, WorkPlan
from danvan.practices.models import CONTENT_FIELDS, Practice


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name"]


class UnitSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="kind.code", read_only=True, help_text="Mã loại đơn vị")
    kind_name = serializers.CharField(source="kind.name", read_only=True, help_text="Loại đơn vị")
    bloc = serializers.CharField(source="bloc.code", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "kind_name", "bloc", "parent", "depth"]
        fields += ["valid_from", "valid_until"]


class LineageEventSerializer(serializers.ModelSerializer):
    kind_name = serializers.CharField(source="get_kind_display", read_only=True)
    predecessors = UnitRefSerializer(many=True, read_only=True)
    successors = UnitRefSerializer(many=True, read_only=True)

    class Meta:
        model = LineageEvent
        fields = ["id", "kind", "kind_name", "date", "legal_basis", "predecessors", "successors"]


class UnitDetailSerializer(UnitSerializer):
    became = serializers.SerializerMethodField(help_text="Các sự kiện đơn vị này là đơn vị trước (sáp nhập vào…)")
    came_from = serializers.SerializerMethodField(help_text="Các sự kiện đơn vị này là đơn vị sau (hình thành từ…)")

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "came_from", "became"]

    def get_became(self, unit) -> list[dict]:
        return LineageEventSerializer(unit.successor_events.all(), many=True).data

    def get_came_from(self, unit) -> list[dict]:
        return LineageEventSerializer(unit.predecessor_events.all(), many=True).data


PRACTICE_LIST_FIELDS = ["id", "code", "name", "kind", "subject", "year", "unit", "unit_name", "level", "field"]
PRACTICE_LIST_FIELDS += ["bloc", "status", "recognized_level", "decision_number", "decision_date", "updated_at"]


class PracticeSerializer(serializers.ModelSerializer):
    level = serializers.CharField(source="level.code", read_only=True)
    field = serializers.CharField(source="field.code", read_only=True)
    bloc = serializers.CharField(source="bloc.code", read_only=True, allow_null=True, default=None)
    recognized_level = serializers.CharField(
        source="recognized_level.code", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Practice
        fields = PRACTICE_LIST_FIELDS


class PracticeDetailSerializer(PracticeSerializer):
    replicated_from = serializers.CharField(
        source="replicated_from.code", read_only=True, allow_null=True, default=None
    )
    recognizing_unit = UnitRefSerializer(read_only=True, allow_null=True)

    class Meta(PracticeSerializer.Meta):
        fields = [*PRACTICE_LIST_FIELDS, "person_name", "person_position", "description"]
        fields += [name for name, _ in CONTENT_FIELDS]
        fields += ["replicated_from", "recognizing_unit", "published", "created_at", "version"]


class PracticeWriteSerializer(serializers.Serializer):
    """The body of a create or an edit: the fields of the web form, references by id (unit, level, field,
    bloc) or code (`replicated_from_code`); checked by the same form and rules as the web."""

    name = serializers.CharField(max_length=500)
    kind = serializers.CharField()
    subject = serializers.CharField()
    year = serializers.IntegerField()
    unit = serializers.IntegerField()
    level = serializers.IntegerField()
    field = serializers.IntegerField()
    bloc = serializers.IntegerField(required=False, allow_null=True)
    person_name = serializers.CharField(required=False, allow_blank=True)
    person_position = serializers.CharField(required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    replicated_from_code = serializers.CharField(required=False, allow_blank=True)
    situation = serializers.CharField(required=False, allow_blank=True, help_text="Thực trạng và lý do đăng ký")
    goals = serializers.CharField(required=False, allow_blank=True, help_text="Mục tiêu, tiêu chí")
    methods = serializers.CharField(required=False, allow_blank=True, help_text="Cách làm, giải pháp")
    area = serializers.CharField(required=False, allow_blank=True, help_text="Địa bàn, đối tượng")
    forces = serializers.CharField(required=False, allow_blank=True, help_text="Lực lượng tham gia")
    resources = serializers.CharField(required=False, allow_blank=True, help_text="Nguồn lực")
    timeline = serializers.CharField(required=False, allow_blank=True, help_text="Thời gian thực hiện")
    outputs = serializers.CharField(required=False, allow_blank=True, help_text="Sản phẩm, kết quả kiểm chứng")
    sustainability = serializers.CharField(required=False, allow_blank=True, help_text="Khả năng duy trì, nhân rộng")
    version = serializers.IntegerField(required=False, help_text="Phiên bản đã đọc; bắt buộc khi sửa")


class StepSerializer(serializers.Serializer):
    action = serializers.CharField(help_text="Bước xử lý: submit (gửi), approve (duyệt), return (trả lại)")
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000, help_text="Ý kiến, lý do")


class ProposalWriteSerializer(serializers.Serializer):
    """The body of a proposal's create or edit, as the web form's fields (references by id)."""

    unit = serializers.IntegerField(help_text="Đơn vị đề nghị (id)")
    award_type = serializers.IntegerField(help_text="Hình thức khen thưởng (id)")
    year = serializers.IntegerField()
    period = serializers.CharField(required=False, allow_blank=True, max_length=60)
    number = serializers.CharField(required=False, allow_blank=True, max_length=60)
    achievement = serializers.CharField(help_text="Thành tích")
    version = serializers.IntegerField(required=False, help_text="Phiên bản đã đọc; bắt buộc khi sửa")


class TransitionSerializer(serializers.Serializer):
    """A workflow step; `recognize` also needs the decision (level, number, date, recognizing unit)."""

    action = serializers.CharField(help_text="Bước xử lý: start, propose, recognize, return, reject")
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    level = serializers.IntegerField(required=False, help_text="recognize: cấp công nhận (id)")
    decision_number = serializers.CharField(required=False, max_length=100, help_text="recognize: số quyết định")
    decision_date = serializers.DateField(required=False, help_text="recognize: ngày công nhận")
    recognizing_unit = serializers.IntegerField(required=False, help_text="recognize: đơn vị công nhận (id)")


class AwardRecordSerializer(serializers.ModelSerializer):
    """What proposals and decisions share: the award type by name, the status in words."""

    award_type = serializers.CharField(source="award_type.name", read_only=True)
    status_name = serializers.CharField(source="get_status_display", read_only=True)


class ProposalSerializer(AwardRecordSerializer):
    class Meta:
        model = Proposal
        fields = ["id", "unit", "unit_name", "award_type", "year", "period", "number", "achievement", "status"]
        fields += ["status_name", "decision", "created_at", "updated_at", "version"]


class DecisionSerializer(AwardRecordSerializer):
    award_type_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "unit", "award_type", "award_type_id", "year", "number", "date", "signer_mode", "signer_name"]
        fields += ["achievement", "legal_bases", "executors", "distribution", "status", "status_name", "issued_at"]
        fields += ["updated_at", "version"]


class DecisionWriteSerializer(serializers.Serializer):
    """A decision's draft as its form takes it; the issuing unit is the award type's authority."""

    award_type = serializers.IntegerField(help_text="Hình thức khen thưởng (id)")
    year = serializers.IntegerField(help_text="Năm thành tích")
    date = serializers.DateField(help_text="Ngày quyết định")
    number = serializers.CharField(required=False, allow_blank=True, max_length=60, help_text="Trống: cấp khi ban hành")
    signer_mode = serializers.CharField(
        help_text="Hình thức ký: head (người đứng đầu ký) hoặc deputy (cấp phó ký thay)"
    )
    signer_name = serializers.CharField(required=False, allow_blank=True, max_length=120, help_text="Người ký")
    achievement = serializers.CharField(help_text="Thành tích")
    legal_bases = serializers.CharField(required=False, allow_blank=True, help_text="Căn cứ, mỗi dòng một căn cứ")
    executors = serializers.CharField(required=False, allow_blank=True, help_text="Các cơ quan thi hành")
    distribution = serializers.CharField(required=False, allow_blank=True, help_text="Nơi nhận")
    version = serializers.IntegerField(required=False, help_text="Phiên bản đã đọc; bắt buộc khi sửa")


class AttachSerializer(serializers.Serializer):
    proposals = serializers.ListField(child=serializers.IntegerField(), help_text="Tờ trình đã duyệt (id)")


class RecipientSerializer(serializers.ModelSerializer):
    kind_name = serializers.CharField(source="get_kind_display", read_only=True)
    practices = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Recipient
        fields = ["id", "proposal", "decision", "kind", "kind_name", "is_unit", "unit", "name", "position"]
        fields += ["unit_name", "achievement", "practices", "order"]


class RecipientWriteSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="collective (tập thể) hoặc individual (cá nhân)")
    is_unit = serializers.BooleanField(required=False, help_text="Tập thể là chính đơn vị đã chọn")
    unit = serializers.IntegerField(help_text="Thuộc đơn vị (id)")
    name = serializers.CharField(required=False, allow_blank=True, max_length=255, help_text="Tên tập thể / họ tên")
    position = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text="Chức vụ")
    unit_name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    achievement = serializers.CharField(required=False, allow_blank=True, help_text="Thành tích riêng")
    practice_codes = serializers.CharField(required=False, allow_blank=True, help_text="Mã mô hình, cách nhau dấu phẩy")


class MilestoneSerializer(serializers.ModelSerializer):
    kind_name = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Milestone
        fields = ["id", "directive", "kind", "kind_name", "years", "due_date", "report_number", "report_date"]
        fields += ["report_title"]


class ReviewReportSerializer(serializers.Serializer):
    """The report that closes an interim or final review (its file is attached on the web page)."""

    report_number = serializers.CharField(required=False, allow_blank=True, max_length=60, help_text="Số, ký hiệu")
    report_date = serializers.DateField(required=False, allow_null=True, help_text="Ngày báo cáo")
    report_title = serializers.CharField(required=False, allow_blank=True, max_length=500, help_text="Trích yếu")


class DirectiveSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="type.name", read_only=True)
    type_id = serializers.IntegerField(read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = Directive
        fields = ["id", "unit", "type", "type_id", "number", "issued_on", "issuer", "summary", "interim_years"]
        fields += ["final_years", "milestones", "updated_at", "version"]


class DirectiveWriteSerializer(serializers.Serializer):
    """A directive as its form takes it; the review dates follow from `interim_years` and `final_years`."""

    unit = serializers.IntegerField(help_text="Đơn vị theo dõi (id)")
    type = serializers.IntegerField(help_text="Loại văn bản (id)")
    number = serializers.CharField(max_length=60, help_text="Số hiệu như trên văn bản, ví dụ 03-KL/TW")
    issued_on = serializers.DateField(help_text="Ngày ban hành")
    issuer = serializers.CharField(max_length=200, help_text="Cơ quan ban hành")
    summary = serializers.CharField(help_text="Trích yếu")
    interim_years = serializers.CharField(
        required=False, allow_blank=True, max_length=60, help_text="Sơ kết sau (năm): 3, 5"
    )
    final_years = serializers.IntegerField(required=False, allow_null=True, help_text="Tổng kết sau (năm)")
    version = serializers.IntegerField(required=False, help_text="Phiên bản đã đọc; bắt buộc khi sửa")


class WorkPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkPlan
        fields = ["id", "unit", "code", "title", "year_start", "year_end", "number", "issued_on", "purpose"]
        fields += ["implementation", "version"]


class WorkPlanWriteSerializer(serializers.Serializer):
    unit = serializers.IntegerField(help_text="Đơn vị (id)")
    title = serializers.CharField(max_length=300, help_text="Tên kế hoạch")
    year_start = serializers.IntegerField(help_text="Năm bắt đầu")
    year_end = serializers.IntegerField(required=False, allow_null=True, help_text="Năm kết thúc (trống: một năm)")
    number = serializers.CharField(required=False, allow_blank=True, max_length=60, help_text="Số, ký hiệu")
    issued_on = serializers.DateField(required=False, allow_null=True, help_text="Ngày ban hành")
    purpose = serializers.CharField(required=False, allow_blank=True, help_text="Mục đích, yêu cầu")
    implementation = serializers.CharField(required=False, allow_blank=True, help_text="Tổ chức thực hiện")
    version = serializers.IntegerField(required=False, help_text="Phiên bản đã đọc; bắt buộc khi sửa")


class KeyTaskSerializer(serializers.ModelSerializer):
    status_name = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = KeyTask
        fields = ["id", "plan", "number", "content", "directive", "lead_unit", "partner_units", "deadline"]
        fields += ["status", "status_name", "progress"]


class KeyTaskWriteSerializer(serializers.Serializer):
    plan = serializers.IntegerField(help_text="Kế hoạch (id); chỉ khi tạo")
    number = serializers.IntegerField(required=False, allow_null=True, help_text="Thứ tự (trống: sau nhiệm vụ cuối)")
    content = serializers.CharField(help_text="Nội dung")
    directive = serializers.IntegerField(required=False, allow_null=True, help_text="Văn bản thực hiện (id)")
    lead_unit = serializers.IntegerField(help_text="Đơn vị chủ trì (id)")
    partner_units = serializers.ListField(child=serializers.IntegerField(), required=False, help_text="Đơn vị phối hợp")
    deadline = serializers.DateField(required=False, allow_null=True, help_text="Thời hạn (trống: hết kế hoạch)")


class ProgressSerializer(serializers.Serializer):
    date = serializers.DateField(help_text="Ngày báo cáo")
    percent = serializers.IntegerField(min_value=0, max_value=100, help_text="Tiến độ (%)")
    note = serializers.CharField(required=False, allow_blank=True, help_text="Kết quả, ghi chú")


class StatsRowSerializer(serializers.Serializer):
    key = serializers.CharField(allow_null=True)
    label = serializers.CharField()
    group = serializers.CharField(allow_blank=True)
    registered = serializers.IntegerField()
    recognized = serializers.IntegerField()
    previous_registered = serializers.IntegerField(allow_null=True)
    previous_recognized = serializers.IntegerField(allow_null=True)
    change = serializers.IntegerField(allow_null=True)
    rate = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True, coerce_to_string=False)

    def to_representation(self, row):
        data = super().to_representation(row)
        data["key"] = None if row.key is None else str(row.key)
        return data


class StatsTableSerializer(serializers.Serializer):
    title = serializers.CharField()
    dimension = serializers.CharField()
    rows = StatsRowSerializer(many=True)
    total = StatsRowSerializer()


class StatisticsSerializer(serializers.Serializer):
    year = serializers.IntegerField(source="filters.year")
    mode = serializers.CharField(source="filters.mode")
    kind = serializers.CharField(source="filters.kind", allow_blank=True)
    unit = UnitRefSerializer(source="filters.unit", allow_null=True)
    scope_label = serializers.CharField()
    sentences = serializers.ListField(child=serializers.CharField())
    tables = serializers.DictField(child=StatsTableSerializer())
    by_unit = StatsTableSerializer()
    trend = StatsTableSerializer()
