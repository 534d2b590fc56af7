// The API documentation page (Swagger UI, which has no Vietnamese) in Vietnamese: the labels and buttons it
// draws are replaced as they appear. Only whole texts that match are changed; the API's own words stay.
(function () {
  "use strict";
  var WORDS = {
    "Authorize": "Nhập khóa API",
    "Available authorizations": "Cách xác thực",
    "Logout": "Bỏ khóa",
    "Close": "Đóng",
    "Try it out": "Thử gửi",
    "Cancel": "Hủy",
    "Execute": "Gửi yêu cầu",
    "Clear": "Xóa kết quả",
    "Parameters": "Tham số",
    "No parameters": "Không có tham số",
    "Request body": "Nội dung gửi",
    "Responses": "Phản hồi",
    "Response body": "Nội dung phản hồi",
    "Response headers": "Tiêu đề phản hồi",
    "Server response": "Phản hồi của máy chủ",
    "Request URL": "Địa chỉ yêu cầu",
    "Request duration": "Thời gian xử lý",
    "Code": "Mã",
    "Details": "Chi tiết",
    "Description": "Mô tả",
    "Name": "Tên",
    "Links": "Liên kết",
    "No links": "Không có liên kết",
    "Example Value": "Giá trị mẫu",
    "Schema": "Cấu trúc",
    "Schemas": "Cấu trúc dữ liệu",
    "Media type": "Kiểu dữ liệu",
    "Controls Accept header.": "Quyết định tiêu đề Accept.",
    "Download": "Tải về",
    "required": "bắt buộc",
    "Value": "Giá trị",
    "Loading...": "Đang tải…",
    "Undocumented": "Chưa mô tả",
    "Explore": "Xem",
    "Servers": "Máy chủ",
  };

  function translate(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.nodeValue.trim();
      if (Object.prototype.hasOwnProperty.call(WORDS, text)) {
        node.nodeValue = node.nodeValue.replace(text, WORDS[text]);
      }
    }
  }

  function start() {
    var root = document.getElementById("swagger-ui");
    if (!root) return;
    translate(root);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.type === "characterData" && change.target.parentNode) translate(change.target.parentNode);
        change.addedNodes.forEach(function (added) {
          if (added.nodeType === Node.ELEMENT_NODE) translate(added);
          else if (added.nodeType === Node.TEXT_NODE && added.parentNode) translate(added.parentNode);
        });
      });
    }).observe(root, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
