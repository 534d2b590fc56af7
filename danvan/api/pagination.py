from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    """`?page=2&page_size=100`: at most 500 rows a page; `count` is the number of all results."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_page_message = "Không có trang này."
    page_query_description = "Số trang (từ 1)."
    page_size_query_description = "Số dòng mỗi trang (mặc định 50, tối đa 500)."
